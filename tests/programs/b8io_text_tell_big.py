import os, tempfile
d = tempfile.mkdtemp()
fn = os.path.join(d, 'big.txt')
lines = []
for i in range(3000):
    lines.append(('é' * (i % 7)) + 'line %d' % i + ('\r\n' if i % 3 == 0 else '\r' if i % 3 == 1 else '\n'))
with open(fn, 'w', newline='') as f:
    f.write(''.join(lines))
for nl in [None, '']:
    with open(fn, newline=nl) as f:
        tells = []
        for k in range(400):
            s = f.read(37 + k % 5)
            tells.append(f.tell())
        print(nl, tells[::20], tells[-1])
        marks = tells[::37]
        got = []
        for t in marks:
            f.seek(t); got.append(f.read(6))
        print(got)
    with open(fn, newline=nl) as f:
        out = []
        for k in range(2000):
            l = f.readline()
            if k % 97 == 0: out.append((l, f.tell()))
        print(out[-5:])
        print(len(f.readlines()), f.tell())
    with open(fn, newline=nl) as f:
        f.read(10000); a = f.tell(); f.readline(); b = f.tell(); print(a, b)
        print(len(f.read()), f.tell(), f.read(), f.tell())
os.remove(fn); os.rmdir(d)
