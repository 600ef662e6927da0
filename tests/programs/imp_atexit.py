import atexit
import weakref


class Bad:
    def __repr__(self):
        return "<Bad callback>"

    def __call__(self):
        raise ValueError("boom in atexit")


def f(x):
    print("f", x)


atexit.register(f, 1)
bad = Bad()
atexit.register(bad)
atexit.register(f, x=2)
print(atexit.register(f, 3) is f)
print(atexit._ncallbacks())
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)


class C:
    pass


c = C()
fin = weakref.finalize(c, print, "finalized c")
d = C()
weakref.finalize(d, print, "finalized d at exit")
print(fin.alive)
del c
print(fin.alive, "after del")
print(fin())
print("end of program")
