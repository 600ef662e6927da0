# pyexpat: every handler's arguments and the parser's position in it, for
# a document with a DTD, namespaces, CDATA, comments, PIs and references;
# buffer_text, ordered_attributes, specified_attributes, module constants.
import pyexpat
from xml.parsers import expat

HANDLERS = ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler',
            'ProcessingInstructionHandler', 'CommentHandler',
            'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler',
            'XmlDeclHandler', 'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler',
            'StartCdataSectionHandler', 'EndCdataSectionHandler',
            'EntityDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler',
            'UnparsedEntityDeclHandler', 'NotationDeclHandler',
            'SkippedEntityHandler', 'DefaultHandlerExpand']


def parse(doc, ns=None, **attrs):
    p = expat.ParserCreate(namespace_separator=ns)
    for k, v in attrs.items():
        setattr(p, k, v)
    for h in HANDLERS:
        def f(*a, h=h):
            print('  %-18s %-50r %d:%d:%d' % (h[:-7], a, p.CurrentLineNumber,
                                             p.CurrentColumnNumber,
                                             p.CurrentByteIndex))
        setattr(p, h, f)
    print(p.Parse(doc, True))


DOC = b'''<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE doc [
  <!ELEMENT doc (item+, note?)>
  <!ELEMENT item (#PCDATA|b)*>
  <!ELEMENT note EMPTY>
  <!ATTLIST item id ID #REQUIRED kind (x|y) "x" fixed CDATA #FIXED "F">
  <!ENTITY who "World">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
  <!NOTATION gif SYSTEM "viewer">
]>
<!-- before -->
<doc>
  <item id="i1">Hello, &who;! &lt;&#x41;&#66;&gt;</item>
  <item id="i2" kind="y"><b>bold</b> tail\r\nline2</item>
  <![CDATA[<raw> & stuff]]>
  <?target some data ?>
  <note/>
</doc>
<!-- after -->
'''
print('-- whole document')
parse(DOC)
print('-- buffer_text, ordered_attributes')
parse(DOC, buffer_text=True, ordered_attributes=True)
print('-- specified_attributes')
parse(DOC, specified_attributes=True, buffer_text=True)

NSDOC = '''<r xmlns="urn:default" xmlns:p="urn:p" p:a="1" b="2">
<p:c xmlns:q="urn:q" q:d="3"><e xmlns=""/></p:c><xml:f xml:lang="en"/></r>'''
print('-- namespaces')
parse(NSDOC, ns='|')
print('-- namespace_prefixes')
parse(NSDOC, ns='}', namespace_prefixes=True)
print('-- str input, non-ASCII')
parse('<a t="é">é😀x\ny</a>')

p = expat.ParserCreate()
print(p.buffer_text, p.buffer_size, p.ordered_attributes,
      p.specified_attributes, p.namespace_prefixes)
p.buffer_size = 16
print(p.buffer_size)
try:
    p.buffer_size = 0
except ValueError as e:
    print('ValueError', e)
print(pyexpat.version_info, pyexpat.EXPAT_VERSION, pyexpat.native_encoding)
print(dict(pyexpat.features)['XML_BLAP_MAX_AMP'])
print(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER,
      pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE,
      pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
print(expat.errors.XML_ERROR_SYNTAX, expat.errors.codes['mismatched tag'],
      expat.errors.messages[4], len(expat.errors.messages))
print(expat.model.XML_CTYPE_MIXED, expat.model.XML_CQUANT_PLUS)
print(expat.ErrorString(9), expat.error is expat.ExpatError)
print(type(p).__name__, expat.XMLParserType is type(p))
try:
    p.NoSuchHandler = None
except AttributeError as e:
    print('AttributeError')
try:
    expat.ParserCreate(namespace_separator='ab')
except ValueError as e:
    print('ValueError', e)
