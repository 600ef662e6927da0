# xml.dom.minidom and pulldom over pyexpat: parseString, the DOM tree,
# toxml/toprettyxml, editing, namespaces, entities, a DOCTYPE.
import xml.dom.minidom as minidom
from xml.dom import pulldom

doc = minidom.parseString('''<?xml version="1.0"?>
<!DOCTYPE note [<!ENTITY sig "-- the team">]>
<note priority="high" xmlns:m="urn:meta">
  <to>Tove</to>
  <from>Jani</from>
  <m:heading lang="en">Reminder</m:heading>
  <body>Don't forget me &amp; this weekend! &sig;</body>
  <!-- comment --><?proc instr?>
  <![CDATA[<cdata & stuff>]]>
</note>''')
print(doc.doctype.name, [doc.doctype.entities.item(i).nodeName for i in range(doc.doctype.entities.length)])
root = doc.documentElement
print(root.tagName, root.getAttribute('priority'), root.hasAttribute('x'))
for n in root.childNodes:
    print(n.nodeType, repr(n.nodeName), repr(n.nodeValue))
h = root.getElementsByTagNameNS('urn:meta', 'heading')[0]
print(h.namespaceURI, h.prefix, h.localName, h.firstChild.data)
print(root.getElementsByTagName('body')[0].toxml())
print(doc.toxml())
new = doc.createElement('extra')
new.setAttribute('k', 'a "quoted" <value>')
new.appendChild(doc.createTextNode('x < y & z'))
root.appendChild(new)
root.removeChild(root.getElementsByTagName('from')[0])
print(root.toprettyxml(indent='  '))
print(doc.toprettyxml(indent='\t', encoding='utf-8')[:80])
d2 = minidom.parseString(b'<a><b>1</b><b>2</b></a>')
print([b.firstChild.nodeValue for b in d2.getElementsByTagName('b')])
print(d2.documentElement.cloneNode(True).toxml())
d3 = minidom.Document()
top = d3.createElementNS('urn:x', 'x:top')
top.setAttributeNS('urn:x', 'x:a', '1')
d3.appendChild(top)
print(d3.toxml())
try:
    minidom.parseString('<a><b></a>')
except Exception as e:
    print(type(e).__name__, e)

events = pulldom.parseString('<list><item n="1">one</item><item n="2">two</item></list>')
for event, node in events:
    if event == pulldom.START_ELEMENT and node.tagName == 'item':
        events.expandNode(node)
        print(node.toxml())
    else:
        print(event, node.nodeName)
