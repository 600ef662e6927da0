# the deprecated imp module
import warnings
warnings.simplefilter('ignore', DeprecationWarning)
import imp
import os
import sys
import tempfile

print(imp.PY_SOURCE, imp.PY_COMPILED, imp.C_EXTENSION, imp.PKG_DIRECTORY, imp.C_BUILTIN,
      imp.PY_FROZEN, imp.SEARCH_ERROR)
print(len(imp.get_magic()), imp.get_magic()[2:])
print(imp.get_tag() == sys.implementation.cache_tag or imp.get_tag())
print([s for s in imp.get_suffixes() if s[0] == '.py'])
m = imp.new_module('fresh')
print(type(m).__name__, m.__name__, m.__doc__)
print(imp.is_builtin('sys') != 0, imp.is_builtin('nosuchmod'), imp.is_frozen('nosuchmod'))
for f in (imp.get_frozen_object, imp.is_frozen_package):
    try:
        f('nosuchmod')
    except ImportError as e:
        print('ImportError', e)
print(imp.init_frozen('nosuchmod'))
print(imp.lock_held())
imp.acquire_lock()
imp.release_lock()

with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, 'impmod.py')
    with open(src, 'w') as f:
        f.write('COUNT = 1\n')
    mod = imp.load_source('impmod', src)
    print(mod.COUNT, mod.__name__, os.path.basename(mod.__file__))
    f, path, desc = imp.find_module('impmod', [d])
    print(os.path.basename(path), desc)
    f.close()
    os.makedirs(os.path.join(d, 'imppkg'))
    with open(os.path.join(d, 'imppkg', '__init__.py'), 'w') as f:
        f.write('P = "pkg"\n')
    f, path, desc = imp.find_module('imppkg', [d])
    print(f, os.path.basename(path), desc)
    pkg = imp.load_module('imppkg', f, path, desc)
    print(pkg.P, [os.path.basename(p) for p in pkg.__path__])
    try:
        imp.find_module('nosuchmod', [d])
    except ImportError as e:
        print('ImportError', e)
    with open(src, 'w') as f:
        f.write('COUNT = 2\n')
    sys.modules['impmod'] = mod
    sys.path.insert(0, d)
    print(imp.reload(mod).COUNT)
    sys.path.remove(d)
    print(imp.find_module('sys')[2])
