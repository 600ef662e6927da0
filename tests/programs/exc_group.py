def raiser():
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])


try:
    raiser()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
try:
    try:
        raiser()
    except* TypeError:
        print("handled types only")
except ExceptionGroup as rest:
    print("rest:", rest.message, [str(e) for e in rest.exceptions])
eg = ExceptionGroup("g", [KeyError("a"), ExceptionGroup("inner", [OSError("o")])])
print(repr(eg.exceptions[0]), eg.message, len(eg.exceptions))
match, rest = eg.split(OSError)
print(match.message, rest.message, repr(match.exceptions[0].exceptions[0]))
print(eg.subgroup(KeyError).exceptions)
try:
    raise ValueError("plain")
except* ValueError as g:
    print(type(g).__name__, repr(g.exceptions))
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print("ValueError:", e)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
