# importlib.metadata on a .dist-info made here, importlib.resources.files,
# pkgutil.iter_modules / walk_packages, runpy.run_path on a zip
import os
import sys
import tempfile
import zipfile
import importlib
import importlib.metadata as md
import importlib.resources
import pkgutil
import runpy

with tempfile.TemporaryDirectory() as d:
    info = os.path.join(d, 'demo_dist-1.4.2.dist-info')
    os.makedirs(info)
    with open(os.path.join(info, 'METADATA'), 'w') as f:
        f.write('Metadata-Version: 2.1\nName: demo-dist\nVersion: 1.4.2\n'
                'Summary: A demo distribution\nRequires-Dist: other (>=1.0)\n')
    with open(os.path.join(info, 'entry_points.txt'), 'w') as f:
        f.write('[console_scripts]\ndemo = demopkg.cli:main\n\n'
                '[demo.plugins]\nalpha = demopkg.plugins:Alpha\nbeta = demopkg.plugins:Beta\n')
    with open(os.path.join(info, 'RECORD'), 'w') as f:
        f.write('demopkg/__init__.py,,\ndemopkg/cli.py,,\n')
    pkg = os.path.join(d, 'demopkg')
    os.makedirs(os.path.join(pkg, 'sub'))
    for name, text in (('__init__.py', 'X = 1\n'), ('cli.py', 'def main():\n    return "cli"\n'),
                       ('plugins.py', 'class Alpha: pass\nclass Beta: pass\n'),
                       ('sub/__init__.py', ''), ('sub/deep.py', 'D = 4\n'),
                       ('data.txt', 'resource text\n')):
        with open(os.path.join(pkg, name), 'w') as f:
            f.write(text)
    sys.path.insert(0, d)
    print(md.version('demo-dist'), md.version('demo_dist'))
    dist = md.distribution('demo-dist')
    print(dist.metadata['Name'], dist.metadata['Summary'], dist.requires)
    print(sorted(str(p) for p in dist.files))
    eps = md.entry_points(group='demo.plugins')
    print(sorted(ep.name for ep in eps), sorted(ep.value for ep in eps))
    ep = md.entry_points(group='console_scripts', name='demo')
    (script,) = ep
    print(script.name, script.module, script.attr, script.load()())
    alpha = eps['alpha']
    print(alpha.load().__name__, alpha.group)
    try:
        md.version('no-such-dist-here')
    except md.PackageNotFoundError as e:
        print('PackageNotFoundError', e)
    import demopkg
    res = importlib.resources.files('demopkg')
    print(res.name, (res / 'data.txt').read_text(), (res / 'data.txt').is_file())
    print(sorted(p.name for p in res.iterdir() if not p.name.startswith('__')))
    print(importlib.resources.files(demopkg).joinpath('sub').is_dir())
    print(sorted(m.name for m in pkgutil.iter_modules(demopkg.__path__)))
    print(sorted((m.name, m.ispkg) for m in pkgutil.walk_packages(demopkg.__path__, 'demopkg.')))
    print(pkgutil.get_data('demopkg', 'data.txt'))
    zpath = os.path.join(d, 'runme.zip')
    with zipfile.ZipFile(zpath, 'w') as z:
        z.writestr('__main__.py', 'import helper\nRESULT = helper.twice(21)\nprint("in zip main", __name__)\n')
        z.writestr('helper.py', 'def twice(x):\n    return 2 * x\n')
    ns = runpy.run_path(zpath)
    print(ns['RESULT'], ns['__name__'], ns['__file__'].replace(d, '<D>'))
    ns = runpy.run_path(zpath, run_name='__main__')
    print(ns['__name__'])
    sys.path.remove(d)
    for m in list(sys.modules):
        if m.startswith('demopkg') or m == 'helper':
            del sys.modules[m]
