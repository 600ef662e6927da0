def f():
    raise ValueError("in f")
def g():
    try:
        f()
    except ValueError as e:
        e.add_note("added in g")
        raise
errors = []
for fn in (g, lambda: 1 / 0):
    try:
        fn()
    except Exception as e:
        errors.append(e)
inner = ExceptionGroup("inner", [KeyError("key"), TypeError("type")])
outer = ExceptionGroup("outer", errors + [inner])
outer.add_note("outer note")
raise outer
