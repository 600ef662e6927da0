# ImportError / ModuleNotFoundError messages and attributes; a failed
# import leaves nothing in sys.modules.
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/imp_mods")

def attempt(stmt):
    try:
        exec(stmt, {"__name__": "__main__"})
    except ImportError as e:
        path = e.path.rsplit("/", 2)[-2:] if e.path else None
        print(type(e).__name__ + ":", str(e).replace(__file__.rsplit("/", 1)[0], "DIR"), "| name:", e.name, "| path:", path)

attempt("import no_such_module_here")
attempt("import imp_pkg.nope")
attempt("from imp_pkg import nope")
attempt("import sys.nope")
attempt("from sys import nope")
attempt("import imp_ns.nope")
attempt("from . import x")
attempt("from .x import y")
try:
    import failing
except ValueError as e:
    print("ValueError:", e)
print("failing" in sys.modules)
try:
    import failing
except ValueError as e:
    print("again ValueError:", e)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
try:
    import imp_circ.x
except ImportError as e:
    print(str(e).replace(__file__.rsplit("/", 1)[0], "DIR"))
print("imp_circ.x" in sys.modules, "imp_circ.y" in sys.modules)
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(e, e.name)
m = __import__("imp_pkg.sub.sibling")
print(m.__name__)
m = __import__("imp_pkg.sub.sibling", fromlist=["NAME"])
print(m.__name__, m.NAME)
import importlib
m = importlib.import_module("imp_pkg.sub.sibling")
print(m.NAME, m is sys.modules["imp_pkg.sub.sibling"])
m = importlib.import_module(".sibling", "imp_pkg.sub")
print(m.NAME)
import starmod
from starmod import *
print(a, c, "_b" in globals())
import plain
print(plain.bump(), plain.bump(), plain.__name__)
