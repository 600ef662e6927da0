def show(eg, indent=0):
    print(" " * indent + f"{type(eg).__name__}: {eg}")
    if isinstance(eg, BaseExceptionGroup):
        for e in eg.exceptions:
            show(e, indent + 2)

eg = ExceptionGroup("top", [ValueError("v1"), TypeError("t1"),
                            ExceptionGroup("nested", [ValueError("v2"), KeyError("k")])])
show(eg)
match, rest = eg.split(ValueError)
show(match); show(rest)
show(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError))))
print(eg.subgroup(OSError), eg.split(OSError)[0])
try:
    raise eg
except* ValueError as e:
    print("caught values:", [str(x) for x in e.exceptions], type(e).__name__)
except* (TypeError, KeyError) as e:
    print("caught others:", repr(e))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as e:
    print("remaining:", repr(e), e.exceptions)
try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked wrapped:", repr(e), repr(e.exceptions[0]))
bg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(bg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("notseq", 5)
except TypeError as e:
    print("TypeError:", e)
e = ExceptionGroup("noted", [ValueError("a")])
e.add_note("note one")
e.add_note("note two")
print(e.__notes__, e.message, e.args[0])
try:
    e.add_note(5)
except TypeError as err:
    print("TypeError:", err)
def raiser():
    try:
        raise ValueError("first")
    except ValueError as v:
        raise RuntimeError("second") from None
try:
    raiser()
except RuntimeError as r:
    print(r.__cause__, r.__suppress_context__, repr(r.__context__))
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise KeyError("x") from z
except KeyError as k:
    print(repr(k.__cause__), k.__suppress_context__, k.__context__ is k.__cause__)
ex = ValueError("manual")
ex.__cause__ = TypeError("set cause")
print(ex.__suppress_context__, repr(ex.__cause__))
try:
    ex.__cause__ = 5
except TypeError as err:
    print("TypeError:", err)
print(ValueError(1, 2).args, str(ValueError(1, 2)), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
    def __str__(self):
        return f"MyErr<{self.code}>"
try:
    raise MyErr(42)
except Exception as err:
    print(err, repr(err), err.args, err.code)
try:
    raise ExceptionGroup("two", [MyErr(1), MyErr(2)])
except* MyErr as g:
    print([x.code for x in g.exceptions])
