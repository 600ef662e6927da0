import os, tempfile
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 't.txt')
    with open(p, 'w', encoding='utf-8') as f:
        f.write('aé€\n' * 3000 + 'end ☃ line\nlast\n')
    with open(p, encoding='utf-8') as f:
        cookies = []
        for i in range(5):
            cookies.append(f.tell()); f.readline()
        f.read(7); c = f.tell(); s = f.read(5)
        f.seek(c); print(f.read(5) == s, c > 0)
        for k in cookies: f.seek(k); print(repr(f.readline()))
        f.seek(0, 2); print(f.tell() == os.path.getsize(p))
        f.seek(0); f.read(8190); c2 = f.tell(); x = f.read(3); f.seek(c2); print(f.read(3) == x)
    with open(p, 'rb') as f: data = f.read()
    with open(p, 'r+', encoding='utf-8') as f:
        f.readline(); pos = f.tell(); f.seek(pos); f.write('XYZWVU\n')
    with open(p, encoding='utf-8') as f: print(repr(f.read(12)))
    with open(p, 'w') as f:
        f.write('a'); f.buffer.write(b'B'); f.write('c\n'); f.buffer.write(b'D')
    print(sorted(open(p).read()))
