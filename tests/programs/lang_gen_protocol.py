def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                print("gen caught", e)
                yield "recovered"
    finally:
        print("finally, received", received)
g = echo()
print(next(g), g.send("a"), g.send("b"))
print(g.throw(ValueError("oops")))
print(next(g))
g.close()
print(g.gi_frame, g.gi_running)
try:
    next(g)
except StopIteration:
    print("closed gen stops")

def inner():
    x = yield 1
    y = yield 2
    return (x, y)
def outer():
    result = yield from inner()
    print("inner returned", result)
    return "outer done"
o = outer()
print(next(o), o.send("X"))
try:
    o.send("Y")
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)

def bad():
    yield 1
    raise StopIteration("explicit")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ig = ignore_exit()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1
c = counter()
print([next(c), next(c), c.send("reset"), next(c)])
try:
    counter().send(5)
except TypeError as e:
    print("TypeError:", e)
def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
def thrower():
    yield 1
t = thrower()
try:
    t.throw(KeyError("early"))
except KeyError as e:
    print("thrown into unstarted:", repr(e))
print(next(t, "exhausted"))
gen = (x * x for x in range(5) if x % 2)
print(type(gen).__name__, list(gen), list(gen))
def delegate_throw():
    try:
        yield from thrower2()
    except ZeroDivisionError:
        yield "outer handled"
def thrower2():
    yield "inner"
d = delegate_throw()
print(next(d), d.throw(ZeroDivisionError))
def ret_value():
    return 5
    yield
try:
    next(ret_value())
except StopIteration as e:
    print("value", e.value)
def gen_fin():
    try:
        yield 1
        yield 2
    finally:
        print("gen_fin cleanup")
for v in gen_fin():
    print("got", v)
    break
print("after break")
