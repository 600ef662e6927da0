import tarfile, zipfile, io, os, tempfile, shutil
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, 'src'); os.makedirs(src)
    with open(os.path.join(src, 'a.txt'), 'w') as f: f.write('compress me\n' * 500)
    tp = os.path.join(d, 'x.tar.gz')
    with tarfile.open(tp, 'w:gz') as t:
        t.add(src, arcname='src')
    with tarfile.open(tp) as t:
        print([(m.name, m.size) for m in t.getmembers()])
        print(t.extractfile('src/a.txt').read()[:12])
    with tarfile.open(tp, 'r:gz') as t:
        t.extractall(os.path.join(d, 'out'))
    print(open(os.path.join(d, 'out/src/a.txt')).read() == 'compress me\n' * 500)
    zp = os.path.join(d, 'x.zip')
    with zipfile.ZipFile(zp, 'w', compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('a.txt', (2020, 1, 1, 0, 0, 0)), 'deflate me\n' * 400, compress_type=zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(zp) as z:
        i = z.getinfo('a.txt')
        print(i.compress_type, i.file_size, i.compress_size < i.file_size)
        print(z.read('a.txt')[:11], z.testzip())
    print(sorted(os.listdir(d)))
    shutil.make_archive(os.path.join(d, 'arch'), 'zip', src)
    print(zipfile.ZipFile(os.path.join(d, 'arch.zip')).namelist())
    shutil.make_archive(os.path.join(d, 'arch'), 'gztar', src)
    print(tarfile.open(os.path.join(d, 'arch.tar.gz')).getnames())
