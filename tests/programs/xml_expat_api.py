# pyexpat API details: SetBase/GetBase, SetParamEntityParsing, external
# entities through ExternalEntityRefHandler and ExternalEntityParserCreate,
# DefaultHandler (which stops internal entity expansion) and
# DefaultHandlerExpand, intern, GetInputContext, buffer_used, type errors.
import pyexpat
p = pyexpat.ParserCreate()
print(p.intern, p.GetBase(), p.SetBase('http://x/'), p.GetBase())
print(p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS))

def ext(context, base, sysid, pubid):
    print('ext', context, base, sysid, pubid)
    sub = p.ExternalEntityParserCreate(context)
    sub.StartElementHandler = lambda n, a: print('sub start', n)
    print(sub.Parse('<inner x="1"/>', True))
    return 1
p.ExternalEntityRefHandler = ext
p.StartElementHandler = lambda n, a: print('start', n, a)
p.DefaultHandler = lambda d: print('default', repr(d))
p.Parse('<!DOCTYPE a [<!ENTITY e SYSTEM "e.xml">]><a>&e;&amp;x</a>', True)
q = pyexpat.ParserCreate(intern={})
q.StartElementHandler = lambda n, a: None
q.Parse('<a><a/></a>', True)
print(sorted(q.intern))
r = pyexpat.ParserCreate()
r.StartElementHandler = lambda n, a: print(r.GetInputContext())
r.Parse('<a>x</a>', True)
print(r.buffer_used)
try:
    pyexpat.ParserCreate().Parse(1, True)
except TypeError as e:
    print('TypeError', e)
s = pyexpat.ParserCreate()
s.buffer_text = True
s.CharacterDataHandler = lambda d: print('cd', repr(d), s.buffer_used)
s.EndElementHandler = lambda n: print('end', n)
s.Parse('<a>x&amp;y<b/>z</a>', True)

DOC = ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE a PUBLIC "-//x//y" "a.dtd" [\n'
       '<!ELEMENT a (b|c)*>\n<!ATTLIST a x CDATA #IMPLIED y (p|q) "p">\n'
       '<!ENTITY e "v"><!-- c --><?pi x?>%pe;\n]>\n'
       '<a>&e;&amp;&#65;<![CDATA[x]]><b/></a>\n')
for expand in (False, True):
    p = pyexpat.ParserCreate()
    name = 'DefaultHandlerExpand' if expand else 'DefaultHandler'
    setattr(p, name, lambda d: print('D', repr(d), p.CurrentLineNumber,
                                     p.CurrentColumnNumber))
    p.StartElementHandler = lambda n, a: print('S', n, a)
    p.Parse(DOC, True)

# the external DTD subset: SetParamEntityParsing, UseForeignDTD, NotStandaloneHandler
for doc, flag, foreign in (('<!DOCTYPE a SYSTEM "a.dtd"><a>&x;</a>', 1, False), ('<!DOCTYPE a SYSTEM "a.dtd" [<!ENTITY y "z">]><a>&x;</a>', 2, False),
                           ('<!DOCTYPE a SYSTEM "a.dtd"><a/>', 0, False), ('<a>&x;</a>', 1, True), ('<!DOCTYPE a PUBLIC "p" "a.dtd"><a/>', 1, False)):
    p = pyexpat.ParserCreate()
    print(p.SetParamEntityParsing(flag))
    if foreign:
        p.UseForeignDTD()
    for h in ('StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'StartElementHandler', 'SkippedEntityHandler', 'NotStandaloneHandler'):
        setattr(p, h, lambda *a, h=h: print(' ', h, a) or 1)
    def ext(*a):
        print('  ext', a, p.CurrentLineNumber, p.CurrentColumnNumber)
        return 1
    p.ExternalEntityRefHandler = ext
    try:
        p.Parse(doc, True)
    except Exception as e:
        print(' ', e)
