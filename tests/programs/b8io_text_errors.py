import os, tempfile
d = tempfile.mkdtemp()
fn2 = os.path.join(d, 'b.txt')
with open(fn2, 'wb') as f: f.write(b'ab\xffcd\xe2\x82\nxy\xf0\x9f\x98\n')
for e in ['replace', 'ignore', 'surrogateescape', 'backslashreplace']:
    with open(fn2, errors=e) as f:
        out = []
        while True:
            s = f.read(2)
            if not s: break
            out.append((s, f.tell()))
        print(e, f.errors, out)
    with open(fn2, errors=e) as f: print(f.readlines())
with open(fn2, encoding='ascii', errors='replace') as f: print(repr(f.read()))
with open(fn2) as f:
    try: print(repr(f.read(2)))
    except UnicodeDecodeError as x: print(x, x.start, x.end, x.reason, len(x.object))
    print(f.tell())
with open(fn2, 'rb') as f:
    data = f.read()
with open(fn2, 'w', encoding='utf-8', errors='surrogateescape') as f:
    f.write(data.decode('utf-8', 'surrogateescape'))
with open(fn2, 'rb') as f: print(f.read() == data)
with open(fn2, 'w') as f:
    try: f.write('a\udcffb')
    except UnicodeEncodeError as x: print(x)
with open(fn2, 'w', encoding='latin-1', errors='xmlcharrefreplace') as f: f.write('€é\n')
with open(fn2, 'rb') as f: print(f.read())
os.remove(fn2); os.rmdir(d)
