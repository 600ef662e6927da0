# compileall.compile_dir / compile_file, quiet; the .pyc files load back
import compileall
import importlib.util
import os
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    pkg = os.path.join(d, 'capkg')
    os.makedirs(os.path.join(pkg, 'inner'))
    files = {
        'capkg/__init__.py': 'INIT = True\n',
        'capkg/one.py': 'ONE = 1\n',
        'capkg/inner/__init__.py': '',
        'capkg/inner/two.py': 'TWO = [i * 2 for i in range(3)]\n',
        'capkg/notes.txt': 'not python\n',
    }
    for name, text in files.items():
        with open(os.path.join(d, name), 'w') as f:
            f.write(text)
    print(compileall.compile_dir(pkg, quiet=1))
    found = []
    for root, dirs, names in os.walk(d):
        for n in names:
            if n.endswith('.pyc'):
                found.append(os.path.relpath(os.path.join(root, n), d))
    print(sorted(found))
    print(compileall.compile_dir(pkg, quiet=1, maxlevels=0, force=True))
    # legacy layout: the .pyc beside the source, then the source removed
    print(compileall.compile_file(os.path.join(pkg, 'one.py'), quiet=1, legacy=True))
    os.rename(os.path.join(pkg, 'one.py'), os.path.join(d, 'one.py.bak'))
    sys.path.insert(0, d)
    import capkg.one
    import capkg.inner.two
    print(capkg.INIT, capkg.one.ONE, capkg.inner.two.TWO)
    print(os.path.basename(capkg.one.__file__))
    sys.path.remove(d)
    with open(os.path.join(pkg, 'bad.py'), 'w') as f:
        f.write('def f(:\n    pass\n')
    print(compileall.compile_dir(pkg, quiet=2))
    print(compileall.compile_file(os.path.join(pkg, 'bad.py'), quiet=2))
