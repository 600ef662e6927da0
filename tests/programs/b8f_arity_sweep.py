# every builtin of issue #8 called with no, too many, unknown-keyword and wrong-type
# arguments: the exception type and message, as CPython's
import builtins
names = "abs all any ascii bin bool callable chr classmethod delattr dict dir divmod enumerate filter float format frozenset getattr globals hasattr hash hex id int isinstance issubclass iter len list locals map max min next object oct ord pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__".split()
for n in names:
    f = getattr(builtins, n)
    for args, kw in (((), {}), ((1, 2, 3, 4, 5), {}), ((1,), {"x": 1}), ((), {"x": 1}), (("a", "b"), {}), ((None,), {})):
        if n in ("print",) or (n in ("dir", "globals", "locals", "vars") and not args and not kw):
            continue
        try:
            r = f(*args, **kw)
            r = type(r).__name__
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(n, len(args), sorted(kw), r)
