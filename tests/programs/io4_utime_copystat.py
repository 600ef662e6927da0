import os, shutil, tempfile, tarfile, time
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f'); open(p, 'w').write('x')
    os.utime(p, (1500000000, 1600000000.75))
    st = os.stat(p); print(st.st_atime, st.st_mtime, st.st_mtime_ns)
    os.utime(p, ns=(10**18, 1600000000123456789)); st = os.stat(p); print(st.st_atime_ns, st.st_mtime_ns)
    shutil.copy2(p, p + '2'); print(os.stat(p + '2').st_mtime_ns)
    os.utime(p); print(abs(os.stat(p).st_mtime - time.time()) < 100)
    try: os.utime(p, (1, 2), ns=(1, 2))
    except ValueError as e: print(e)
    try: os.utime(p, 5)
    except TypeError as e: print(e)
    try: os.utime(os.path.join(d, 'nope'), (1, 2))
    except FileNotFoundError as e: print(e.errno)
    with open(p) as f: os.utime(f.fileno(), (5, 6))
    print(os.stat(p).st_mtime)
    with tarfile.open(os.path.join(d, 't.tar'), 'w') as t:
        t.add(p + '2', arcname='f2')
    with tarfile.open(os.path.join(d, 't.tar')) as t:
        print(t.getmember('f2').mtime); t.extractall(os.path.join(d, 'o'))
    print(os.stat(os.path.join(d, 'o', 'f2')).st_mtime)
