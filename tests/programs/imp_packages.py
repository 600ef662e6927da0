# Packages: __init__.py, submodules, subpackages, relative imports,
# namespace packages, module attributes, sys.modules caching.
import sys
import imp_pkg
print(imp_pkg.__name__, imp_pkg.__package__, imp_pkg.__doc__)
print(imp_pkg.greet("world"), imp_pkg.beta.value, imp_pkg.VERSION)
print(imp_pkg.__file__.endswith("imp_pkg/__init__.py"), imp_pkg.__path__[0].endswith("imp_pkg"))
print(imp_pkg.__spec__.name, imp_pkg.__spec__.parent, imp_pkg.__spec__.origin == imp_pkg.__file__)
print(imp_pkg.__spec__.submodule_search_locations == imp_pkg.__path__)
import imp_pkg.sub.deep
print(imp_pkg.sub.deep.info())
print(imp_pkg.sub.deep.__spec__.parent, imp_pkg.sub.deep.__package__)
import imp_pkg.sub.deep as d2
print(d2 is imp_pkg.sub.deep, d2 is sys.modules["imp_pkg.sub.deep"])
from imp_pkg.sub import sibling, deep
print(sibling.NAME, deep is d2)
from imp_pkg.sub.sibling import *
print(public(), "_hidden" in globals())
from imp_pkg import *
print(sorted(n for n in globals() if n in ("greet", "beta", "VERSION", "alpha", "_private")))
import imp_pkg as again
print(again is imp_pkg)
print("imp_pkg.alpha" in sys.modules, "imp_pkg.sub.sibling" in sys.modules)
# a namespace package: a directory without __init__.py
import imp_ns.part.mod
print(imp_ns.part.mod.X, imp_ns.__file__, imp_ns.__spec__.origin, imp_ns.part.__package__)
print(list(imp_ns.__path__)[0].endswith("imp_ns"))
from imp_ns.part import mod as m2
print(m2.X, m2.__name__)
# the same module object stays in sys.modules; its body ran once
del sys.modules["imp_pkg.beta"]
import imp_pkg.beta
print(imp_pkg.beta.value)
print(__name__, __package__, __spec__)
print(type(sys.modules["sys"]).__name__, sys.modules["sys"])
print(sys.path[0] == __file__.rsplit("/", 1)[0])
