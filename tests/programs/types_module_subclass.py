# types.ModuleType subclasses (a lazy-loading module's __getattr__ on the class,
# super().__init__, properties), and a module's __class__ assignment
import sys, types
class Lazy(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith('x'):
            return name * 2
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
    @property
    def prop(self):
        return 'P' + self.__name__
m = Lazy('lazy', 'the doc')
print(type(m).__name__, m.__name__, m.__doc__, m.xa, m.prop, repr(m), isinstance(m, types.ModuleType))
m.y = 5
print(m.y, m.__dict__['y'], sorted(k for k in m.__dict__ if not k.startswith('__')))
try:
    m.nope
except AttributeError as e:
    print(e)
class Init(types.ModuleType):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
i = Init('ii', 7)
print(i.__name__, i.extra, i.__doc__, repr(i))
mod = types.ModuleType('plain')
mod.a = 1
mod.__class__ = Lazy
print(type(mod).__name__, mod.a, mod.xz, mod.prop)
mod.__class__ = types.ModuleType
print(type(mod).__name__)
try:
    mod.__class__ = int
except TypeError as e:
    print(e)
class Other: pass
try:
    mod.__class__ = Other
except TypeError as e:
    print(e)
this = sys.modules[__name__]
class Me(types.ModuleType):
    def __repr__(self): return '<me>'
    def __call__(self): return 'called'
this.__class__ = Me
print(repr(this), sys.modules[__name__](), this.Me is Me)
sys.modules['lazy'] = m
import lazy
print(lazy.xq)
from lazy import xw
print(xw)
import gc; gc.collect()
