def task(i):
    if i % 3 == 0:
        raise ValueError("v%d" % i)
    if i % 3 == 1:
        raise KeyError("k%d" % i)
    return i


errors = []
for i in range(6):
    try:
        task(i)
    except Exception as e:
        errors.append(e)
eg = ExceptionGroup("tasks", errors)
print(len(eg.exceptions), str(eg))
try:
    raise eg
except* ValueError as g:
    print("V", [repr(x) for x in g.exceptions])
except* KeyError as g:
    print("K", [repr(x) for x in g.exceptions])
try:
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])
    except* TypeError as g:
        print("got TypeError group:", repr(g))
        raise RuntimeError("from handler")
except ExceptionGroup as e:
    print("final", type(e).__name__, [type(x).__name__ for x in e.exceptions])
