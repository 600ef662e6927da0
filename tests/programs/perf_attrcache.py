# Inline caches of LOAD_ATTR / STORE_ATTR / LOAD_METHOD: every way the
# cached answer can go stale must be noticed.


class P:
    k = 10

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def kind(self):
        return "P"


class Q(P):
    def kind(self):
        return "Q"


def read_x(o):
    return o.x


def read_k(o):
    return o.k


def call_kind(o):
    return o.kind()


def set_x(o, v):
    o.x = v


# the same sites see several types (polymorphic), in turn
objs = [P(1), Q(2), P(3), Q(4)]
for _ in range(3):
    print([read_x(o) for o in objs], [call_kind(o) for o in objs], [read_k(o) for o in objs])

# a class attribute changed after the cache was filled
p = P(5)
for i in range(3):
    print(read_k(p), end=" ")
P.k = 20
print(read_k(p), read_k(Q(0)))
Q.k = 30
print(read_k(p), read_k(Q(0)))

# an instance attribute shadowing a class attribute and a method
p.k = "own"
print(read_k(p), read_k(P(0)))
p.kind = lambda: "instance"
print(call_kind(p), call_kind(P(0)))
del p.kind
print(call_kind(p))

# a method replaced on the class after the call site was cached
def new_kind(self):
    return "new P"


for i in range(2):
    print(call_kind(P(0)), end=" ")
P.kind = new_kind
print(call_kind(P(0)), call_kind(Q(0)))
del Q.kind
print(call_kind(Q(0)))

# bound methods and builtin method descriptors through LOAD_ATTR
g = p.get
print(g(), type(g).__name__)
lst = []
app = lst.append
for i in range(3):
    app(i)
    app = lst.append
print(lst)

# an attribute deleted after a cached read; __getattr__ as a fallback
o = P(7)
for i in range(2):
    print(read_x(o), end=" ")
del o.x
try:
    read_x(o)
except AttributeError as e:
    print("AttributeError:", e)


class G(P):
    def __getattr__(self, name):
        return "missing " + name


gobj = G(1)
print(read_x(gobj))
del gobj.x
print(read_x(gobj))

# a property added after stores were cached
set_x(o, 1)
set_x(o, 2)
print(o.x)
P.x = property(lambda self: "prop", lambda self, v: print("setter", v))
set_x(o, 3)
print(read_x(o), o.__dict__)
del P.x

# __setattr__ added after stores were cached
class S:
    pass


s = S()
for i in range(3):
    set_x(s, i)
print(s.x)
S.__setattr__ = lambda self, n, v: object.__setattr__(self, n, v * 100)
set_x(s, 5)
print(s.x)
del S.__setattr__
set_x(s, 6)
print(s.x)

# __slots__: stores of names outside the slots still fail
class Sl:
    __slots__ = ("x",)


sl = Sl()
for i in range(2):
    set_x(sl, i)
print(sl.x)
try:
    sl.y = 1
except AttributeError as e:
    print("AttributeError:", e)

# module attributes: rebinding and deletion after a cached read
import math


def pi():
    return math.pi


print(pi(), pi())
saved = math.pi
math.pi = 3
print(pi())
del math.pi
try:
    pi()
except AttributeError as e:
    print("AttributeError:", e)
math.pi = saved
print(pi())

# many attributes: the dict grows and entries move
class Big:
    pass


b = Big()
names = ["a%d" % i for i in range(40)]
for i, n in enumerate(names):
    setattr(b, n, i)
    set_x(b, i)
    print(read_x(b), end=" ")
print()
for n in names[::2]:
    delattr(b, n)
set_x(b, "last")
print(read_x(b), len(b.__dict__))

# a global rebound after a cached lookup
def use_global():
    return counter


counter = 1
print(use_global(), use_global())
counter = 2
print(use_global())
del counter
try:
    use_global()
except NameError as e:
    print("NameError:", e)
