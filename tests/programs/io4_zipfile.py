import zipfile, io, os, tempfile
with tempfile.TemporaryDirectory() as d:
    zp = os.path.join(d, 'x.zip')
    with zipfile.ZipFile(zp, 'w') as z:
        zi = zipfile.ZipInfo('a.txt', date_time=(2020, 1, 2, 3, 4, 6))
        z.writestr(zi, 'hello zip\n' * 5)
        z.writestr(zipfile.ZipInfo('dir/b.bin', date_time=(2021, 5, 6, 7, 8, 10)), bytes(range(200)))
        p = os.path.join(d, 'c.txt')
        with open(p, 'w') as f: f.write('from disk\n')
        os.utime(p, (1600000000, 1600000000)) if hasattr(os, 'utime') else None
        z.write(p, 'c.txt')
    print(zipfile.is_zipfile(zp), os.path.getsize(zp) > 0)
    with zipfile.ZipFile(zp) as z:
        for i in z.infolist():
            print(i.filename, i.file_size, i.compress_type, i.CRC)
        print(z.namelist(), z.read('a.txt')[:10])
        with z.open('dir/b.bin') as f:
            print(f.read(5), f.read(3), len(f.read()))
        with z.open('a.txt') as f:
            print(f.readline(), sum(1 for _ in f))
        print(z.testzip())
        z.extractall(os.path.join(d, 'out'))
    print(sorted(os.listdir(os.path.join(d, 'out'))), open(os.path.join(d, 'out', 'c.txt')).read())
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, 'a') as z:
        z.writestr('m', b'memory')
    print(len(bio.getvalue()) > 0, zipfile.ZipFile(bio).read('m'))
    with zipfile.ZipFile(zp, 'a') as z:
        z.writestr(zipfile.ZipInfo('late.txt', date_time=(2022,1,1,0,0,0)), 'appended')
    with zipfile.ZipFile(zp) as z:
        print(z.namelist())
        with z.open('new.txt', 'w') if False else io.BytesIO() as f: pass
    zpath = zipfile.Path(zp)
    print(sorted(p.name for p in zpath.iterdir()), (zpath / 'a.txt').read_text()[:5])
