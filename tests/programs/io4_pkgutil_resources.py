import sys, os
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, 'io4_pkg'))
import pkgutil, runpy, importlib, importlib.util, importlib.resources
import mypkg
print(sorted(m.name for m in pkgutil.iter_modules(mypkg.__path__)))
print(pkgutil.get_data('mypkg', 'data.txt'))
g = runpy.run_path(os.path.join(here, 'io4_pkg', 'script.py'))
print(sorted(k for k in g if not k.startswith('__')))
runpy.run_module('mypkg.mod', run_name='x')
print(importlib.resources.files('mypkg').joinpath('data.txt').read_text())
print(importlib.resources.read_text('mypkg', 'data.txt'))
with importlib.resources.as_file(importlib.resources.files('mypkg') / 'data.txt') as p: print(p.name)
spec = importlib.util.find_spec('mypkg.mod'); print(spec.name, spec.parent, os.path.basename(spec.origin))
m = importlib.import_module('.mod', 'mypkg'); print(m.hi())
print(pkgutil.find_loader('mypkg') is not None)
import importlib.abc, importlib.machinery
class MyLoader(importlib.abc.Loader):
    def create_module(self, spec): return None
    def exec_module(self, module): module.answer = 42
spec = importlib.util.spec_from_loader('virt', MyLoader())
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
print(mod.answer, mod.__name__, spec.origin, repr(spec)[:30])
class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == 'magicmod':
            return importlib.util.spec_from_loader(name, MyLoader())
        return None
sys.meta_path.insert(0, Finder())
print(importlib.util.find_spec('magicmod').name)
