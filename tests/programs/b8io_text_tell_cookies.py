import os, tempfile
d = tempfile.mkdtemp()
fn = os.path.join(d, 'a.txt')
datas = [b'abc\r\ndef\rghi\njkl', b'h\xc3\xa9llo w\xc3\xb6rld\n\xe2\x82\xac\xf0\x9f\x98\x80x\r\n', b'\r\r\n\n\r', b'a\r']
for data in datas:
    with open(fn, 'wb') as f: f.write(data)
    for nl in [None, '', '\n', '\r', '\r\n']:
        for n in range(1, 8):
            with open(fn, newline=nl) as f:
                out = []
                while True:
                    s = f.read(n)
                    t = f.tell()
                    out.append((s, t))
                    if not s: break
                print(nl and repr(nl), n, out)
        with open(fn, newline=nl) as f:
            out = []
            while True:
                s = f.readline()
                t = f.tell()
                out.append((s, t))
                if not s: break
            print('lines', out)
        with open(fn, newline=nl) as f:
            seen = []
            while True:
                t = f.tell(); s = f.read(1)
                if not s: break
                seen.append(t)
            for t in seen:
                f.seek(t); a = f.read(2); f.seek(t); b = f.read(2); assert a == b
            print('seek ok', len(seen))
os.remove(fn); os.rmdir(d)
