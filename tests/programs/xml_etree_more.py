# More of ElementTree and SAX over pyexpat: files on disk, encodings,
# fromstringlist, XMLID, ElementInclude, TreeBuilder with comments and
# PIs, a target with doctype(), C14N options, SAX's LexicalHandler and
# namespace prefixes, xml.dom.expatbuilder with namespaces.
import io
import os
import tempfile
import xml.etree.ElementTree as ET
from xml.etree import ElementInclude
import xml.sax
from xml.sax import handler
import xml.dom.minidom

tmp = tempfile.mkdtemp()
main = os.path.join(tmp, 'main.xml')
part = os.path.join(tmp, 'part.xml')
with open(part, 'w', encoding='utf-8') as f:
    f.write('<part n="1">included ☺</part>')
with open(main, 'wb') as f:
    f.write('<?xml version="1.0" encoding="iso-8859-1"?>\n'
            '<doc xmlns:xi="http://www.w3.org/2001/XInclude">\n'
            '  <title>caf\xe9</title>\n'
            '  <xi:include href="part.xml"/>\n'
            '  <xi:include href="part.xml" parse="text"/>\n'
            '</doc>\n'.encode('iso-8859-1'))
tree = ET.parse(main)
root = tree.getroot()
print(root.find('title').text)
ElementInclude.include(root, base_url=main)
print(ET.tostring(root, encoding='unicode'))
for ev, el in ET.iterparse(main, events=('start', 'end')):
    print(ev, el.tag)

print(ET.tostring(ET.fromstringlist(['<a><b', '>x</b', '></a>'])))
r, ids = ET.XMLID('<r><x id="one"/><y id="two">t</y></r>')
print(sorted(ids), ids['two'].text)

p = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
p.feed('<r><!-- note --><?app do it?><c/></r>')
r = p.close()
print([(type(c.tag).__name__ if not isinstance(c.tag, str) else c.tag, c.text) for c in r])
print(ET.tostring(r))


class Target:
    def __init__(self):
        self.log = []

    def start(self, tag, attrib):
        self.log.append(('start', tag, attrib))

    def end(self, tag):
        self.log.append(('end', tag))

    def data(self, data):
        self.log.append(('data', data))

    def doctype(self, name, pubid, system):
        self.log.append(('doctype', name, pubid, system))

    def close(self):
        return self.log


p = ET.XMLParser(target=Target())
p.feed('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
       '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
       '<html><body>hi</body></html>')
print(p.close())
p = ET.XMLParser(encoding='latin-1')
p.feed(b'<a>\xe9</a>')
print(p.close().text)

print(ET.canonicalize('<r xmlns="urn:a" xmlns:b="urn:b"><b:c b:x="1">t</b:c></r>',
                      rewrite_prefixes=True))
print(ET.canonicalize('<r><a>  x  </a><!--c--></r>', strip_text=True))
print(ET.canonicalize(from_file=io.BytesIO(b'<r   b="2" a="1"/>')))


class Lex(handler.ContentHandler, handler.LexicalHandler):
    def comment(self, content):
        print('comment', repr(content))

    def startCDATA(self):
        print('startCDATA')

    def endCDATA(self):
        print('endCDATA')

    def startDTD(self, name, public_id, system_id):
        print('startDTD', name, public_id, system_id)

    def endDTD(self):
        print('endDTD')

    def startElementNS(self, name, qname, attrs):
        print('start', name, qname, sorted(attrs.getQNames()))

    def characters(self, c):
        print('chars', repr(c))


sp = xml.sax.make_parser()
lx = Lex()
sp.setContentHandler(lx)
sp.setProperty(handler.property_lexical_handler, lx)
sp.setFeature(handler.feature_namespaces, True)
sp.parse(io.BytesIO(b'<!DOCTYPE r SYSTEM "r.dtd"><r xmlns:p="urn:p" p:a="1">'
                    b'<!-- hi --><![CDATA[data]]></r>'))

d = xml.dom.minidom.parse(io.BytesIO(b'<p:r xmlns:p="urn:p" xmlns="urn:d"><c p:x="1"/></p:r>'))
c = d.getElementsByTagName('c')[0]
print(d.documentElement.namespaceURI, c.namespaceURI, c.getAttributeNS('urn:p', 'x'),
      c.attributes.item(0).prefix)
os.remove(main)
os.remove(part)
os.rmdir(tmp)
