import shutil, tempfile, os, io
with tempfile.TemporaryDirectory(prefix='io4') as d:
    print(os.path.isdir(d), os.path.basename(d).startswith('io4'))
    src = os.path.join(d, 'src'); os.makedirs(os.path.join(src, 'a', 'b'))
    for i, rel in enumerate(['f1.txt', 'a/f2.txt', 'a/b/f3.bin']):
        with open(os.path.join(src, rel), 'wb') as f: f.write(bytes([i]) * (1000 * (i + 1)))
    dst = shutil.copytree(src, os.path.join(d, 'dst'))
    print(os.path.relpath(dst, d))
    for root, dirs, files in sorted(os.walk(dst)):
        print(os.path.relpath(root, d), sorted(dirs), sorted((n, os.path.getsize(os.path.join(root, n))) for n in files))
    shutil.copyfile(os.path.join(src, 'f1.txt'), os.path.join(d, 'copy.txt'))
    shutil.copy(os.path.join(src, 'f1.txt'), os.path.join(d, 'copy2.txt'))
    shutil.copy2(os.path.join(src, 'a/f2.txt'), d)
    print(sorted(os.listdir(d)))
    a, b = io.BytesIO(b'x' * 100000), io.BytesIO()
    shutil.copyfileobj(a, b, 1000); print(len(b.getvalue()))
    with open(os.path.join(d, 'copy.txt'), 'rb') as fa, open(os.path.join(d, 'c3'), 'wb') as fb:
        shutil.copyfileobj(fa, fb)
    print(os.path.getsize(os.path.join(d, 'c3')))
    shutil.move(os.path.join(d, 'c3'), os.path.join(d, 'moved'))
    print(os.path.exists(os.path.join(d, 'c3')), os.path.exists(os.path.join(d, 'moved')))
    shutil.rmtree(dst); print(os.path.exists(dst))
    try: shutil.copyfile(os.path.join(d, 'nope'), os.path.join(d, 'z'))
    except FileNotFoundError as e: print('FileNotFoundError', e.errno)
    with tempfile.NamedTemporaryFile('w+', dir=d, suffix='.txt', delete=True) as t:
        t.write('temp data\n'); t.flush(); t.seek(0)
        print(t.read(), t.name.endswith('.txt'), os.path.exists(t.name), type(t.file).__name__)
        n = t.name
    print(os.path.exists(n))
    with tempfile.TemporaryFile() as t:
        t.write(b'abc'); t.seek(0); print(t.read())
    with tempfile.SpooledTemporaryFile(max_size=10) as t:
        t.write(b'x' * 5); print(t._rolled); t.write(b'y' * 20); print(t._rolled); t.seek(0); print(len(t.read()))
    fd, p = tempfile.mkstemp(dir=d); os.write(fd, b'mk'); os.close(fd); print(open(p).read())
    print(os.path.isdir(tempfile.mkdtemp(dir=d)))
    print(shutil.which('sh') is not None)
    shutil.make_archive(os.path.join(d, 'arch'), 'tar', src)
    import tarfile
    print(sorted(tarfile.open(os.path.join(d, 'arch.tar')).getnames()))
print(os.path.exists(d))
