import io, os, tempfile

data = b'one\r\ntwo\rthree\nfour\r\n\xc3\xa9t\xc3\xa9\rlast'
for nl in (None, '', '\n', '\r', '\r\n'):
    w = io.TextIOWrapper(io.BytesIO(data), encoding='utf-8', newline=nl)
    print(repr(nl), [w.readline() for _ in range(7)], repr(w.newlines))
    w = io.TextIOWrapper(io.BytesIO(data), encoding='utf-8', newline=nl)
    print(repr(nl), repr(w.read()), repr(w.newlines))
    w = io.TextIOWrapper(io.BytesIO(data), encoding='utf-8', newline=nl)
    print(repr(nl), list(w), w.readlines())

w = io.TextIOWrapper(io.BytesIO(b'abc\ndef\n'), encoding='latin-1')
print(w.encoding, w.errors, w.line_buffering, isinstance(w, io.TextIOWrapper),
      isinstance(w, io.TextIOBase), isinstance(w, io.IOBase))
print(repr(w.read(2)), repr(w.read(3)), repr(w.read()))
print(repr(w))
w.mode = 'r'
print(repr(w), w.mode)
b = w.detach()
print(type(b).__name__, b.getvalue())
try:
    w.read()
except ValueError as e:
    print('ValueError', e)

for enc, raw in (('latin-1', b'caf\xe9\n'), ('ascii', b'plain\n'), ('utf-8', b'\xe2\x82\xac\n')):
    print(enc, repr(io.TextIOWrapper(io.BytesIO(raw), encoding=enc).read()))
try:
    io.TextIOWrapper(io.BytesIO(b'\xff'), encoding='ascii').read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
print(repr(io.TextIOWrapper(io.BytesIO(b'a\xffb'), encoding='ascii', errors='replace').read()))
print(repr(io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbfsig'), encoding='utf-8-sig').read()))
try:
    io.TextIOWrapper(io.BytesIO(), newline='x')
except ValueError as e:
    print('ValueError', e)

# long text: multi-byte characters and \r\n across chunk boundaries
long = ('\u00e9' * 3 + 'x\r\n') * 5000
w = io.TextIOWrapper(io.BytesIO(long.encode('utf-8')), encoding='utf-8')
lines = w.readlines()
print(len(lines), lines[0] == '\u00e9\u00e9\u00e9x\n', all(l == lines[0] for l in lines), w.newlines)

# writing
bio = io.BytesIO()
w = io.TextIOWrapper(bio, encoding='utf-8', newline='\r\n')
print(w.write('a\nb\u00e9\n'), w.writable(), w.readable(), w.seekable())
w.flush()
print(bio.getvalue())
bio = io.BytesIO()
with io.TextIOWrapper(bio, encoding='latin-1', write_through=True) as w:
    w.write('caf\u00e9\n')
    w.writelines(['x', 'y\n'])
    print(bio.getvalue())
print(w.closed, bio.closed)

# over a real binary file
d = tempfile.mkdtemp()
path = os.path.join(d, 'f.txt')
with open(path, 'wb') as f:
    f.write(data)
for nl in (None, '', '\n', '\r', '\r\n'):
    with open(path, 'rb') as f:
        w = io.TextIOWrapper(f, encoding='utf-8', newline=nl)
        print(repr(nl), w.readlines(), os.path.basename(w.name), w.buffer is f)
        w.seek(0)
        print(repr(w.readline()))
with open(path, 'rb') as f:
    w = io.TextIOWrapper(f, encoding='utf-8', line_buffering=True)
    w.mode = 'r'
    print(repr(w).replace(d, 'D'))
    w.close()
    print(f.closed, w.closed)
with open(path, 'w+b') as f:
    w = io.TextIOWrapper(f, encoding='utf-8')
    w.write('hello\nworld\n')
    w.flush()
    print(w.tell())
    w.seek(0)
    print(w.read().split())
    w.detach()
print(isinstance(open(path), io.TextIOWrapper), isinstance(open(path, 'rb'), io.TextIOWrapper))
r = io.TextIOWrapper(io.BytesIO(b'x'))
r.reconfigure(newline='')
print(r.read())
os.remove(path)
os.rmdir(d)
