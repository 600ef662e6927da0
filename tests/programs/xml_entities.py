# Entities in pyexpat: internal general entities (nested, with markup,
# in attributes), character references, predefined entities, undefined
# and recursive ones, external and unparsed entities, skipped entities
# when the DTD is external, and Expat's protection against "billion
# laughs" amplification.
import xml.etree.ElementTree as ET
from xml.parsers import expat


def show(doc, **kw):
    p = expat.ParserCreate()
    out = []
    p.StartElementHandler = lambda n, a: out.append('<%s %s>' % (n, a))
    p.EndElementHandler = lambda n: out.append('</%s>' % n)
    p.CharacterDataHandler = lambda d: out.append(repr(d))
    p.SkippedEntityHandler = lambda n, pe: out.append('skipped %s %d' % (n, pe))
    p.EntityDeclHandler = lambda *a: out.append('decl %r' % (a,))
    p.UnparsedEntityDeclHandler = lambda *a: out.append('unparsed %r' % (a,))
    p.ExternalEntityRefHandler = lambda *a: out.append('extref %r' % (a,)) or 1
    for k, v in kw.items():
        setattr(p, k, v)
    try:
        p.Parse(doc, True)
        print(' '.join(out))
    except expat.ExpatError as e:
        print(' '.join(out), '=>', e)


show('<a>&lt;&gt;&amp;&quot;&apos;&#60;&#x3C;&#x1F600;&#9;</a>')
show('<!DOCTYPE a [<!ENTITY n "N"><!ENTITY m "[&n;&n;]"><!ENTITY t "<b x=\'&n;\'>&m;</b>">]>'
     '<a k="&m;">&t; &m;</a>')
show('<!DOCTYPE a [<!ENTITY e "one\ntwo&#10;three">]><a v="&e;">&e;</a>')
show('<!DOCTYPE a [<!ENTITY e "x"><!ENTITY e "y">]><a>&e;</a>')
show('<!DOCTYPE a [<!ENTITY e "&f;"><!ENTITY f "&e;">]><a>&e;</a>')
show('<!DOCTYPE a [<!ENTITY e "<b>">]><a>&e;</b></a>')
show('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;&u;</a>')
show('<!DOCTYPE a SYSTEM "a.dtd"><a>&u;</a>')
show('<!DOCTYPE a [<!ENTITY % pe "x"> %pe;]><a>&u;</a>')
show('<!DOCTYPE a [<!ENTITY ext SYSTEM "ext.xml"><!ENTITY pic SYSTEM "p.gif" NDATA gif>]>'
     '<a>&ext;</a>')
show('<!DOCTYPE a [<!ENTITY pic SYSTEM "p.gif" NDATA gif>]><a>&pic;</a>')
show('<!DOCTYPE a [<!ENTITY ext SYSTEM "ext.xml">]><a b="&ext;"/>')
show('<a>&#1;</a>')
show('<a>&#xFFFE;</a>')
show('<a>&#99999999;</a>')

# billion laughs: Expat refuses the amplification
levels = ['<!ENTITY lol0 "lollollollollollollollollollol">']
for i in range(1, 10):
    levels.append('<!ENTITY lol%d "%s">' % (i, ('&lol%d;' % (i - 1)) * 10))
bomb = '<!DOCTYPE lolz [%s]><lolz>&lol9;</lolz>' % ''.join(levels)
p = expat.ParserCreate()
count = [0]
p.CharacterDataHandler = lambda d: count.__setitem__(0, count[0] + len(d))
try:
    p.Parse(bomb, True)
    print('parsed', count[0])
except expat.ExpatError as e:
    print('ExpatError', e, e.code, expat.errors.messages[e.code])
print(count[0] < 10 ** 8)

# a small amplification is fine
small = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><r>%s</r>' % ('&b;' * 50)
print(len(ET.fromstring(small).text))
try:
    ET.fromstring('<a>&undefined;</a>')
except ET.ParseError as e:
    print('ParseError', e)
print(ET.fromstring('<!DOCTYPE a [<!ENTITY e "E">]><a t="&e;&#65;">&e;&#66;</a>').attrib)
