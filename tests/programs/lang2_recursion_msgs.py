# RecursionError messages: which variant CPython 3.11 reports depends on
# where the limit is hit (a Python frame, a counted builtin call, a repr)
def t(label, fn):
    try:
        fn()
        print(label, "no error")
    except RecursionError as e:
        print(label, e)

class Ctor:
    def __init__(self):
        Ctor()
t("ctor", Ctor)
class Ctor2:
    def __init__(self, n):
        Ctor2(n + 1)
def ctor2():
    Ctor2(0)
t("ctor2", ctor2)
class New:
    def __new__(cls):
        return New()
t("new", New)
def f():
    return f()
t("func", f)
class R:
    def __repr__(self):
        return repr(self)
t("repr", lambda: repr(R()))
class E:
    def __eq__(self, o):
        return self == o
t("eq", lambda: E() == E())
class Ln:
    def __len__(self):
        return len(self)
t("len", lambda: len(Ln()))
class GA:
    def __getattribute__(self, n):
        return getattr(self, n)
t("getattribute", lambda: GA().x)
class HA:
    def __getattr__(self, n):
        return hasattr(self, n + "y")
t("hasattr", lambda: HA().x)
class H:
    def __hash__(self):
        return hash(self)
t("hash", lambda: hash(H()))
class Ab:
    def __abs__(self):
        return abs(self)
t("abs", lambda: abs(Ab()))
class It:
    def __iter__(self):
        return iter(self)
t("iter", lambda: iter(It()))
class Nx:
    def __next__(self):
        return next(self)
t("next", lambda: next(Nx()))
class Fm:
    def __format__(self, spec):
        return format(self, spec)
t("format", lambda: format(Fm(), ""))
class Dm:
    def __divmod__(self, o):
        return divmod(self, o)
t("divmod", lambda: divmod(Dm(), 1))
class Rd:
    def __round__(self, n=None):
        return round(self)
t("round", lambda: round(Rd()))
class Sa:
    def __setattr__(self, n, v):
        setattr(self, n, v)
t("setattr", lambda: setattr(Sa(), "a", 1))
class Ca:
    def __call__(self):
        return self()
t("call", lambda: Ca()())
class Ad:
    def __add__(s, o):
        return s + o
t("add", lambda: Ad() + 1)
class Gi:
    def __getitem__(s, k):
        return s[k]
t("getitem", lambda: Gi()[0])
class P:
    @property
    def p(self):
        return self.p
t("property", lambda: P().p)
l = []
l.append(l)
print(repr(l))
def deep(n):
    return [deep(n)]
t("deep", lambda: deep(0))
