import tarfile, io, os, tempfile, shutil
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, 'src')
    os.makedirs(os.path.join(src, 'sub'))
    with open(os.path.join(src, 'a.txt'), 'w') as f: f.write('hello\n' * 3)
    with open(os.path.join(src, 'sub', 'b.bin'), 'wb') as f: f.write(bytes(range(256)) * 40)
    tp = os.path.join(d, 'x.tar')
    with tarfile.open(tp, 'w') as t:
        t.add(src, arcname='src')
        data = b'in-memory member\n'
        ti = tarfile.TarInfo('mem.txt'); ti.size = len(data); ti.mtime = 0
        t.addfile(ti, io.BytesIO(data))
    with tarfile.open(tp) as t:
        for m in t.getmembers():
            print(m.name, m.isdir(), m.isfile(), m.size)
        f = t.extractfile('src/a.txt')
        print(type(f).__name__, f.readline(), f.read())
        f = t.extractfile('src/sub/b.bin'); f.seek(300); print(f.read(4), f.tell())
        out = os.path.join(d, 'out')
        t.extractall(out)
    for root, dirs, files in sorted(os.walk(out)):
        print(os.path.relpath(root, out), sorted(dirs), sorted(files))
    print(open(os.path.join(out, 'src/sub/b.bin'), 'rb').read() == bytes(range(256)) * 40)
    print(tarfile.is_tarfile(tp), tarfile.is_tarfile(os.path.join(out, 'mem.txt')))
    bio = io.BytesIO()
    with tarfile.open(fileobj=bio, mode='w') as t:
        ti = tarfile.TarInfo('z'); ti.size = 3; t.addfile(ti, io.BytesIO(b'xyz'))
    bio.seek(0)
    with tarfile.open(fileobj=bio) as t:
        print(t.getnames(), t.extractfile('z').read())
