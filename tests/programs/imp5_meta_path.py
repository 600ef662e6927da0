# finders on sys.meta_path and loaders made by a program (import hooks)
import importlib.abc
import importlib.util
import sys

SOURCES = {
    'virt': 'VALUE = "virtual"\n',
    'virtpkg': 'PKG = True\n',
    'virtpkg.child': 'from . import PKG\nCHILD = PKG\n',
}


class DictFinder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.asked = []

    def find_spec(self, fullname, path, target=None):
        self.asked.append(fullname)
        if fullname not in SOURCES:
            return None
        is_pkg = fullname == 'virtpkg'
        return importlib.util.spec_from_loader(fullname, DictLoader(), is_package=is_pkg)


class DictLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(SOURCES[module.__name__], module.__dict__)


class Fallback:
    """consulted after the normal search fails (appended)"""

    def find_spec(self, fullname, path, target=None):
        if fullname == 'late_module':
            return importlib.util.spec_from_loader(fullname, LateLoader())
        return None


class LateLoader:
    def create_module(self, spec):
        m = type(sys)(spec.name)
        m.MADE = 'by create_module'
        return m

    def exec_module(self, module):
        module.EXECUTED = True


class Blocker:
    def find_spec(self, fullname, path, target=None):
        if fullname == 'blocked_mod':
            raise ImportError('blocked by Blocker', name=fullname)
        return None


finder = DictFinder()
sys.meta_path.insert(0, finder)
sys.meta_path.insert(0, Blocker())
sys.meta_path.append(Fallback())
import virt
print(virt.VALUE, virt.__name__, type(virt.__loader__).__name__, virt.__spec__.origin)
import virtpkg.child
print(virtpkg.PKG, virtpkg.child.CHILD, virtpkg.__path__, virtpkg.child.__package__)
import json
print(json.dumps([1]), 'json' in finder.asked)
import late_module
print(late_module.MADE, late_module.EXECUTED)
try:
    import blocked_mod
except ImportError as e:
    print('ImportError', e)
try:
    import still_missing_xyz
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
print(sorted(set(n for n in finder.asked if n in SOURCES or n.startswith(('late', 'still')))))
sys.meta_path.remove(finder)
del sys.modules['virt']
try:
    import virt
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)


# a path hook of the program's own, for a sys.path entry that is no directory
class VirtualFinder:
    def __init__(self, path):
        if not path.startswith('virtual:'):
            raise ImportError('not virtual')
        self.path = path

    def find_spec(self, fullname, target=None):
        if fullname == 'from_hook':
            return importlib.util.spec_from_loader(fullname, DictLoader())
        return None


SOURCES['from_hook'] = 'WHERE = "path hook"\n'
sys.path_hooks.append(VirtualFinder)
sys.path.append('virtual:stuff')
import from_hook
print(from_hook.WHERE, type(sys.path_importer_cache['virtual:stuff']).__name__)
sys.path.remove('virtual:stuff')
sys.path_hooks.remove(VirtualFinder)
