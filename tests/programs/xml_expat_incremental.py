# pyexpat fed piece by piece: the same events whatever the split (even in
# the middle of a tag, a reference or a UTF-8 character), character data
# split where Expat splits it, ParseFile, buffer_text across pieces.
import io
from xml.parsers import expat

DOC = ('<?xml version="1.0"?>\n<doc a="1" b=\'x&amp;y\'>héllo 😀 wörld &lt;&#233;'
       '<![CDATA[c\r\nd]]><!-- c --><?pi x?>\r\n<e/>tail</doc>\n').encode('utf-8')


def events(chunks, buffer_text=False):
    out = []
    p = expat.ParserCreate()
    p.buffer_text = buffer_text
    p.StartElementHandler = lambda n, a: out.append(('S', n, a))
    p.EndElementHandler = lambda n: out.append(('E', n))
    p.CharacterDataHandler = lambda d: out.append(('C', d))
    p.CommentHandler = lambda d: out.append(('!', d))
    p.ProcessingInstructionHandler = lambda t, d: out.append(('?', t, d))
    for c in chunks:
        p.Parse(c, False)
    p.Parse(b'', True)
    return out


def joined(evs):
    # adjacent character data joined: the same for every split
    out = []
    for e in evs:
        if e[0] == 'C' and out and out[-1][0] == 'C':
            out[-1] = ('C', out[-1][1] + e[1])
        else:
            out.append(e)
    return out


whole = events([DOC])
print(whole)
for size in (1, 2, 3, 5, 7, 64):
    chunks = [DOC[i:i + size] for i in range(0, len(DOC), size)]
    evs = events(chunks)
    print(size, len(evs), joined(evs) == joined(whole))
    if size in (1, 5):
        print(evs)
    print(size, events(chunks, True) == events([DOC], True))
for cut in range(len(DOC)):
    if joined(events([DOC[:cut], DOC[cut:]])) != joined(whole):
        print('differs when cut at', cut)

# positions while feeding in pieces
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: print('start', n, p.CurrentLineNumber,
                                           p.CurrentColumnNumber, p.CurrentByteIndex)
for piece in ['<a>\n', '  <b', '/>\n<c>', '</c></a>']:
    p.Parse(piece)
p.Parse('', True)

# an error in a later piece
p = expat.ParserCreate()
p.Parse('<a>\n<b>')
try:
    p.Parse('</a>', True)
except expat.ExpatError as e:
    print(e)

# ParseFile reads the file in blocks
p = expat.ParserCreate()
n = [0]
p.StartElementHandler = lambda name, a: n.__setitem__(0, n[0] + 1)
big = b'<r>' + b'<item k="v">text &amp; more</item>\n' * 2000 + b'</r>'
print(p.ParseFile(io.BytesIO(big)), n[0])
p = expat.ParserCreate()
try:
    p.ParseFile(io.BytesIO(b'<r><x></r>'))
except expat.ExpatError as e:
    print(e)
