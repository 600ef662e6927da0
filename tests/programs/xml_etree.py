# xml.etree.ElementTree over pyexpat: fromstring/parse, iterparse,
# XMLPullParser, tostring/write (xml_declaration, encodings, short empty
# elements), namespaces, canonicalize (C14N 2.0), XPath subset, ParseError.
import io
import xml.etree.ElementTree as ET

DOC = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- leading comment -->
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <book id="b1" x:rating="5">
    <title>Dune</title>
    <price currency="EUR">9.99</price>
  </book>
  <book id="b2">
    <title>Solaris &amp; more</title>
    <price currency="USD">12.50</price>
    <x:note>translated</x:note>
  </book>
</catalog>
'''
root = ET.fromstring(DOC)
print(root.tag, root.attrib, len(root))
for el in root.iter():
    print(repr(el.tag), sorted(el.attrib.items()), repr(el.text), repr(el.tail))
ns = {'b': 'urn:books', 'x': 'urn:extra'}
print([b.get('id') for b in root.findall('b:book', ns)])
print(root.findtext('b:book/b:title', namespaces=ns))
print([p.text for p in root.iterfind('.//b:price[@currency="USD"]', ns)])
print(root.find('.//x:note', ns).text)

tree = ET.parse(io.BytesIO(DOC.encode()))
print(tree.getroot().tag)
out = io.BytesIO()
tree.write(out, encoding='utf-8', xml_declaration=True)
print(out.getvalue().decode())
out = io.BytesIO()
tree.write(out, encoding='iso-8859-1')
print(out.getvalue())

ET.register_namespace('ex', 'http://example.com/ns')
e = ET.Element('{http://example.com/ns}root', {'plain': 'a<b"c'})
sub = ET.SubElement(e, '{http://example.com/ns}child', {'{http://example.com/ns}k': 'v'})
sub.text = 'text & <stuff> é'
ET.SubElement(e, 'empty')
print(ET.tostring(e, encoding='unicode'))
print(ET.tostring(e, short_empty_elements=False))
print(ET.tostring(e, encoding='us-ascii'))
print(ET.tostring(e, method='text'))
ET.indent(e)
print(ET.tostring(e, encoding='unicode'))

for event, item in ET.iterparse(io.BytesIO(DOC.encode()),
                                events=('start', 'end', 'start-ns', 'end-ns',
                                        'comment', 'pi')):
    if event in ('start', 'end'):
        print(event, item.tag)
    else:
        print(event, item if not hasattr(item, 'tag') else item.text)

parser = ET.XMLPullParser(events=('start', 'end'))
for piece in ['<root><a', ' x="1">te', 'xt</a><b/', '></root>']:
    parser.feed(piece)
    print([(ev, el.tag, el.attrib) for ev, el in parser.read_events()])
parser.close()

print(ET.canonicalize('<root z="3" a="1"   xmlns:u="urn:u"><u:e b="2"   a="1">'
                      '<![CDATA[x<y]]></u:e><empty/></root>'))
print(ET.canonicalize('<r><!-- c --><a>  t  </a></r>', with_comments=True,
                      strip_text=True))

for bad in ['<a><b></a>', '<a>', '<a>&nope;</a>', '<a/><b/>', '']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print('ParseError:', err, err.code, err.position)

tb = ET.TreeBuilder()
p = ET.XMLParser(target=tb)
p.feed('<x a="1"><y>z</y></x>')
r = p.close()
print(r.tag, r[0].text, p.version if hasattr(p, 'version') else '')
print(ET.XML('<a>&#x263A;&lt;</a>').text)
doc2 = ET.fromstring(b'<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9t\xe9</a>')
print(doc2.text)
