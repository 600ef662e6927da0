def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars)
funcs = [lambda i=i: i * 10 for i in range(3)]
late = [lambda: i for i in range(3)]
print([f() for f in funcs], [f() for f in late])
G = 1
def set_global():
    global G, NEW
    G += 1
    NEW = "created"
set_global()
print(G, NEW)
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1
unbound()
def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    z = 1
free_unbound()
class C:
    attr = "class attr"
    items = [attr.upper() for _ in range(1)]
    def method(self):
        return attr if False else self.attr
print(C.items, C().method())
try:
    class D:
        v = 1
        l = [v for _ in range(2)]
except NameError as e:
    print("NameError:", e)
def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return f"<{tag}>{fn(*a, **k)}</{tag}>"
        inner.__name__ = fn.__name__
        inner.__wrapped__ = fn
        return inner
    return wrap
@deco("b")
@deco("i")
def hello(name):
    return f"hello {name}"
print(hello("x"), hello.__name__, hello.__wrapped__.__name__)
import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
def gen_closure():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return [add(i) for i in range(5)]
print(gen_closure())
x = 10
def shadow(x=x):
    x += 1
    return x
x = 20
print(shadow(), x)
print((lambda a, *b, c=3, **d: (a, b, c, d))(1, 2, c=4, e=5))
