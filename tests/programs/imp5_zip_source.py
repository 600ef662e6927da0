# source lines of code imported from a zip: linecache/traceback/inspect ask
# the module's loader (zipimporter.get_source); reload from a zip
import importlib
import inspect
import os
import sys
import tempfile
import traceback
import zipfile

with tempfile.TemporaryDirectory() as d:
    zpath = os.path.join(d, 'src.zip')
    with zipfile.ZipFile(zpath, 'w') as z:
        z.writestr('zsrc.py', 'COUNT = [0]\n\ndef boom():\n    """explode"""\n'
                              '    raise ValueError("from zip")\n')
    sys.path.insert(0, zpath)
    import zsrc
    try:
        zsrc.boom()
    except ValueError:
        text = traceback.format_exc()
    print(text.replace(d, '<D>'))
    print(inspect.getsource(zsrc.boom))
    print(inspect.getdoc(zsrc.boom), inspect.getfile(zsrc).replace(d, '<D>'))
    zsrc.COUNT.append(1)
    again = importlib.reload(zsrc)
    print(again is zsrc, zsrc.COUNT)
    importlib.invalidate_caches()
    sys.path.remove(zpath)
    del sys.modules['zsrc']
