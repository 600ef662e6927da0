# zipimport: modules and packages from a .zip on sys.path, zipimporter's API
import os
import sys
import tempfile
import zipfile
import zipimport
import importlib
import pkgutil

with tempfile.TemporaryDirectory() as d:
    zpath = os.path.join(d, 'lib.zip')
    with zipfile.ZipFile(zpath, 'w') as z:
        z.writestr('zmod.py', 'X = 41\ndef f():\n    return X + 1\n')
        z.writestr('zpkg/__init__.py', '"""a zipped package"""\nNAME = "zpkg"\n')
        z.writestr('zpkg/sub.py', 'from . import NAME\nVALUE = NAME * 2\n')
        z.writestr('zpkg/data.txt', 'hello from the zip\n')
        z.writestr('zdeflated.py', 'Y = "deflated " * 3\n', compress_type=zipfile.ZIP_DEFLATED)
        z.writestr('zbad.py', 'x = = 1\n')
    sys.path.insert(0, zpath)
    import zmod
    print(zmod.X, zmod.f(), zmod.__name__)
    print(zmod.__file__.replace(d, '<D>'))
    print(type(zmod.__loader__).__name__, zmod.__spec__.name)
    import zpkg.sub
    print(zpkg.NAME, zpkg.__doc__, zpkg.sub.VALUE)
    print([p.replace(d, '<D>') for p in zpkg.__path__])
    print(zpkg.__package__, zpkg.sub.__package__)
    import zdeflated
    print(zdeflated.Y)
    try:
        import zbad
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)
    try:
        import znothere
    except ModuleNotFoundError as e:
        print('ModuleNotFoundError', e)

    zi = zipimport.zipimporter(zpath)
    print(repr(zi).replace(d, '<D>'))
    print(zi.archive.replace(d, '<D>'), repr(zi.prefix))
    print(zi.is_package('zpkg'), zi.is_package('zmod'))
    print(zi.get_source('zmod'))
    print(zi.get_filename('zpkg').replace(d, '<D>'))
    print(zi.get_data('zpkg/data.txt'))
    print(zi.find_spec('zmod').name, zi.find_spec('nope'))
    try:
        zi.is_package('nope')
    except zipimport.ZipImportError as e:
        print('ZipImportError', e)
    try:
        zi.get_data('missing.txt')
    except OSError as e:
        print(type(e).__name__, e.args[0])
    sub = zipimport.zipimporter(os.path.join(zpath, 'zpkg'))
    print(repr(sub.prefix), sub.is_package('sub'))
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        lm = zi.load_module('zpkg.sub')
    print(lm.VALUE, lm.__name__, lm.__file__.replace(d, '<D>'))
    print(zi.find_module('zmod') is zi if hasattr(zi, 'find_module') else 'no find_module')
    code = zi.get_code('zmod')
    ns = {}
    exec(code, ns)
    print(ns['X'])

    notzip = os.path.join(d, 'plain.txt')
    with open(notzip, 'w') as f:
        f.write('not a zip')
    for bad in (notzip, os.path.join(d, 'missing.zip')):
        try:
            zipimport.zipimporter(bad)
        except zipimport.ZipImportError as e:
            print('ZipImportError', str(e).replace(d, '<D>'))
    print(issubclass(zipimport.ZipImportError, ImportError))
    print(sorted(m.name for m in pkgutil.iter_modules([zpath])))
    print(type(sys.path_importer_cache[zpath]).__name__)
    sys.path.remove(zpath)
    for m in ('zmod', 'zpkg', 'zpkg.sub', 'zdeflated'):
        del sys.modules[m]
