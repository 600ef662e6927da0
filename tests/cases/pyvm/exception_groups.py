try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e:
    print("VE", repr(e), e.exceptions)
except* TypeError as e:
    print("TE", e.exceptions)
print("after")
def f():
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"),
                                  ExceptionGroup("inner", [KeyError("k"), ValueError("v2")])])


try:
    f()
except* ValueError as e:
    print("values:", e.exceptions)
except* KeyError as e:
    print("keys:", repr(e))
except* TypeError:
    print("types")
eg = ExceptionGroup("x", [ValueError(1), OSError(2)])
m, r = eg.split(ValueError)
print(m, r, eg.subgroup(lambda e: isinstance(e, OSError)), str(eg), eg.message)
try:
    raise ValueError("naked")
except* ValueError as e:
    print("wrapped:", repr(e))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
try:
    raise ExceptionGroup("top", [ValueError("a"), TypeError("b")])
except* ValueError:
    print("handled the ValueError part")
