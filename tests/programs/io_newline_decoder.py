# io.IncrementalNewlineDecoder: pending '\r', translation, newlines, state
import io, codecs
D = io.IncrementalNewlineDecoder
d = D(None, translate=True)
for chunk in ['a\r', '\nb\r', 'c\rd\n', '\r']:
    print(repr(d.decode(chunk)), d.newlines)
print(repr(d.decode('', final=True)), d.newlines)
print(d.getstate())
d.reset(); print(d.newlines, d.getstate())
d = D(codecs.getincrementaldecoder('utf-8')(), translate=False)
for chunk in [b'x\r', b'\xc3', b'\xa9\r\n', b'y\n']:
    print(repr(d.decode(chunk)), d.newlines, d.getstate())
d.setstate((b'', 1)); print(repr(d.decode(b'z')))
try:
    D(None, True).decode(b'abc')
except Exception as e: print(type(e).__name__, e)
try:
    D(None, True).decode(5)
except Exception as e: print(type(e).__name__, e)
print(isinstance(d, io.IncrementalNewlineDecoder), type(d).__name__, type(d).__module__)
