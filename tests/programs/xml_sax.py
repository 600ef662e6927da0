# xml.sax over pyexpat (expatreader): ContentHandler events, namespaces
# feature, ErrorHandler and SAXParseException, incremental parsing,
# saxutils escape/quoteattr/XMLGenerator/XMLFilterBase.
import io
import xml.sax
from xml.sax import saxutils, handler


class Printer(handler.ContentHandler):
    def startDocument(self):
        print('startDocument')

    def endDocument(self):
        print('endDocument')

    def startElement(self, name, attrs):
        print('start', name, sorted(attrs.items()), attrs.getLength())

    def endElement(self, name):
        print('end', name)

    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, sorted(attrs.items(), key=repr))

    def endElementNS(self, name, qname):
        print('endNS', name, qname)

    def startPrefixMapping(self, prefix, uri):
        print('prefix', prefix, uri)

    def endPrefixMapping(self, prefix):
        print('endprefix', prefix)

    def characters(self, content):
        print('chars', repr(content))

    def ignorableWhitespace(self, ws):
        print('ws', repr(ws))

    def processingInstruction(self, target, data):
        print('pi', target, data)


DOC = b'''<?xml version="1.0"?>
<root a="1" b="&lt;2&gt;">
  text &amp; more
  <child xmlns:p="urn:p" p:x="y">inner</child>
  <?target data?>
  <![CDATA[raw <stuff>]]>
</root>'''
xml.sax.parseString(DOC, Printer())

p = xml.sax.make_parser()
p.setFeature(handler.feature_namespaces, True)
p.setContentHandler(Printer())
p.parse(io.BytesIO(b'<r xmlns="urn:d" xmlns:q="urn:q"><q:e q:k="v" k2="w"/></r>'))


class Errors(handler.ErrorHandler):
    def fatalError(self, exc):
        print('fatal:', exc.getMessage(), exc.getLineNumber(), exc.getColumnNumber())
        raise exc


for bad in [b'<a><b></a>', b'<a>', b'<a x="1" x="2"/>', b'<a>&bad;</a>']:
    try:
        xml.sax.parseString(bad, handler.ContentHandler(), Errors())
    except xml.sax.SAXParseException as e:
        print('SAXParseException', e)

ip = xml.sax.make_parser()
ip.setContentHandler(Printer())
for piece in [b'<doc><it', b'em n="1"/>te', b'xt</doc>']:
    ip.feed(piece)
ip.close()

print(saxutils.escape('a < b & c > d'), saxutils.escape('x', {'x': 'y'}))
print(saxutils.unescape('&lt;&gt;&amp;'), saxutils.quoteattr('it\'s "q"'))
out = io.StringIO()
gen = saxutils.XMLGenerator(out, encoding='utf-8', short_empty_elements=True)
filt = saxutils.XMLFilterBase(xml.sax.make_parser())
filt.setContentHandler(gen)
filt.parse(io.BytesIO(b'<a x="1"><b/>t &amp; u<c>v</c></a>'))
print(out.getvalue())
