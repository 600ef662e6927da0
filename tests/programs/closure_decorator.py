def trace(fn):
    def wrapper(*args, **kw):
        print("call", fn.__name__, args)
        r = fn(*args, **kw)
        print("ret", r)
        return r
    return wrapper


@trace
def add(a, b):
    return a + b


add(1, 2)
print(add.__name__)


def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco


@repeat(3)
def hello(x):
    return "hi " + x


print(hello("bo"))


def tag(t):
    def d(fn):
        fn.tag = t
        return fn
    return d


@tag("outer")
@trace
def mul(a, b):
    return a * b


print(mul(3, 4), mul.tag)
