# pyexpat errors: message, code, line and column of ExpatError, and the
# parser's ErrorCode/ErrorLineNumber/ErrorColumnNumber/ErrorByteIndex,
# for many kinds of broken documents.
import pyexpat
from xml.parsers import expat

BAD = [
    '', '   ', '<a>', '<a', '<a><b></a>', '</a>', '<a></a>x', '<a/><b/>',
    '<a x=1/>', '<a x="1" x="2"/>', '<a>&foo;</a>', '<a>&#0;</a>',
    '<a>&#xD800;</a>', '<a>\x01</a>', '<a>]]></a>', '<a><!-- x -- y --></a>',
    '<a><![CDATA[x', '<a><!--x', '<a>&</a>', '<a>&#x;</a>', '<1a/>',
    '<a b="<"/>', '<a b="&"/>', '<a></b>', 'text', '"quoted', '<?xml?>',
    '<?xml version="1.0"?><?xml version="1.0"?><a/>', '<a><?xml x?></a>',
    '<?xml encoding="utf-8"?><a/>', '<?xml version="1.0" enc="x"?><a/>',
    '<a/><?xml version="1.0"?>', '<!DOCTYPE a [<!ENTITY e "&e;">]><a>&e;</a>',
    '<!DOCTYPE a [<!ENTITY e "<b>">]><a>&e;</a>',
    '<!DOCTYPE a [<!ENTITY e SYSTEM "x" NDATA n>]><a>&e;</a>',
    '<!DOCTYPE a [<!ENTITY e SYSTEM "x">]><a b="&e;"/>',
    '<a>\n<b>\n</c>\n</a>', '<a>\r\n\r\n  <b x="1" x="1"/></a>',
    '<a><b/></a>\n\n  junk', '<!DOCTYPE a><!DOCTYPE a><a/>', '<a/>  <',
]
for doc in BAD:
    p = expat.ParserCreate()
    try:
        p.Parse(doc, True)
        print(repr(doc), 'parsed')
    except expat.ExpatError as e:
        print('%-40r %s | code=%d %s line=%d offset=%d' % (
            doc, e, e.code, expat.errors.messages[e.code], e.lineno, e.offset))
        print('    ', p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber,
              p.ErrorByteIndex)
        assert isinstance(e, pyexpat.error)

NS_BAD = ['<p:a/>', '<a xmlns:p=""/>', '<a xmlns:xmlns="u"/>',
          '<a xmlns:xml="urn:x"/>', '<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>',
          '<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>']
for doc in NS_BAD:
    p = expat.ParserCreate(namespace_separator=' ')
    try:
        p.Parse(doc, True)
        print(repr(doc), 'parsed')
    except expat.ExpatError as e:
        print('%-40r %s code=%d' % (doc, e, e.code))

# bytes input: bad UTF-8, encodings, errors after the end
for doc in [b'<a>\xff</a>', b'<a>\xc3</a>', b'\xef\xbb\xbf<a>\xe9</a>',
            b'<?xml version="1.0" encoding="latin-1"?><a>\xe9</a>',
            b'<?xml version="1.0" encoding="no-such-codec"?><a/>']:
    p = expat.ParserCreate()
    try:
        p.Parse(doc, True)
        print(doc, 'parsed')
    except expat.ExpatError as e:
        print(doc, e)
    except Exception as e:
        print(doc, type(e).__name__, e)

p = expat.ParserCreate()
p.Parse('<a/>', True)
try:
    p.Parse('', True)
except expat.ExpatError as e:
    print('again:', e, e.code)

# an exception in a handler stops the parse and comes out of Parse
p = expat.ParserCreate()
def start(name, attrs):
    if name == 'boom':
        raise KeyError(name)
    print('start', name)
p.StartElementHandler = start
try:
    p.Parse('<a><b/><boom/><c/></a>', True)
except KeyError as e:
    print('KeyError', e)
