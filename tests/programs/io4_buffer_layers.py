import io, os, sys
import tempfile, shutil
d = tempfile.mkdtemp()

p = os.path.join(d, 'x.txt')
for mode in ('w', 'a', 'r+', 'w+', 'x'):
    if mode == 'x' and os.path.exists(p): os.remove(p)
    with open(p, mode) as f:
        b = f.buffer
        print(mode, type(f).__name__, f.mode, type(b).__name__, b.mode, type(b.raw).__name__, b.raw.mode, b.raw.name == p, b.raw.closefd, f.line_buffering, f.write_through)
        print(b is f.buffer, b.raw is f.buffer.raw, b.closed)
    print(b.closed, b.raw.closed, f.closed)
with open(p, 'rb') as f:
    print(type(f).__name__, type(f.raw).__name__, f.raw.mode, repr(f.raw).replace(p, 'P'), repr(f).replace(p, 'P'))
with open(p, 'rb', buffering=0) as f:
    print(type(f).__name__, f.mode)
f = open(p, 'w')
f.write('héllo\n')
b = f.detach()
print(type(b).__name__)
try: f.write('x')
except ValueError as e: print('ValueError', e)
b.write(b'bytes\n'); b.close()
print(repr(open(p).read()))
f = open(p, 'w', buffering=1)
print(f.line_buffering)
f.reconfigure(line_buffering=False, write_through=True)
print(f.line_buffering, f.write_through)
f.write('abc\r\ndef\n')
f.close()
with open(p, 'rb') as f: print(f.read())
with open(p, newline='') as f:
    f.reconfigure(newline=None)
    print(repr(f.read()), f.newlines)
with open(p) as f:
    f.readline()
    try: f.reconfigure(encoding='latin-1')
    except Exception as e: print(type(e).__name__, e)
with open(p, 'wb') as f:
    f.write('añb\n'.encode())
with open(p) as f:
    print(f.buffer.read(1), f.read())
with open(p, encoding='latin-1') as f:
    f.reconfigure(encoding='utf-8')
    print(f.read(), f.encoding)
with open(p, 'rb') as f:
    raw = f.raw
    print(raw.read(2), f.read())
sys.stdout.write('a\n'); sys.stdout.flush(); sys.stdout.buffer.write(b'B\n'); sys.stdout.buffer.flush(); print('c')
print(isinstance(open(p, 'rb'), io.BufferedReader), isinstance(open(p, 'rb'), io.BufferedIOBase), isinstance(open(p,'rb').raw, io.FileIO), isinstance(open(p,'rb').raw, io.RawIOBase))
print(isinstance(open(p, 'w').buffer, io.BufferedWriter), isinstance(open(p), io.TextIOBase))
with open(p, 'w') as f:
    with f.buffer as b2:
        print(b2 is f.buffer)
    print(f.closed)
shutil.rmtree(d)
