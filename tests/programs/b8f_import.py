# __import__(): names, fromlist, level, errors; importlib agrees
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(getattr(r, "__name__", r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(__import__, "math")
t(__import__, "os.path")
t(__import__, "os.path", fromlist=["join"])
t(__import__, "os.path", None, None, ["join"])
t(__import__, "collections.abc")
t(__import__, "collections.abc", globals(), locals(), ["Sequence"], 0)
t(__import__, "no_such_module_xyz")
t(__import__, "os.no_such_sub")
t(__import__, "")
t(__import__, 5)
t(__import__)
t(__import__, "math", level=-1)
t(__import__, "math", level=1)
t(__import__, name="json")
m = __import__("json")
print(m.dumps([1, "a"]), m is __import__("json"))
import sys
print("json" in sys.modules, sys.modules["json"] is m)
import importlib
print(importlib.import_module("os.path") is __import__("os.path", fromlist=["x"]))
t(importlib.import_module, "no_such_module_abc")
print(__import__("string").ascii_lowercase[:5])
