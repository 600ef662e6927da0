# exceptions escaping __del__, weakref callbacks and generator finalizers
# go to sys.unraisablehook; execution continues
import sys, gc, weakref

def hook(u):
    print('hook:', type(u).__name__, u.exc_type.__name__, u.exc_value,
          u.err_msg, u.object.__qualname__, u.exc_traceback is not None)

print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook

class Bad:
    def __del__(self):
        raise ValueError('from __del__')

Bad()
print('continues after refcount death')

b = Bad()
b.me = b
del b
gc.collect()
print('continues after collection')

class Plain:
    pass

def cb(ref):
    raise KeyError('callback')

p = Plain()
r = weakref.ref(p, cb)
del p
print('continues after weakref callback')

def gen():
    try:
        yield 1
    finally:
        raise RuntimeError('gen finally')

g = gen()
next(g)
del g
print('continues after generator close')

# a pending exception is not disturbed by a failing __del__
try:
    try:
        x = Bad()
        raise IndexError('outer')
    finally:
        del x
except IndexError as e:
    print('outer exception kept:', repr(e))

# the hook itself may fail: CPython reports that through the default hook
# (its output goes to stderr; here it is redirected to a StringIO)
import io
def bad_hook(u):
    raise TypeError('hook failed')
sys.unraisablehook = bad_hook
old = sys.stderr
sys.stderr = io.StringIO()
Bad()
text = sys.stderr.getvalue()
sys.stderr = old
lines = text.splitlines()
print(lines[0].split(' at ')[0])
print(lines[-1])

# restore the default; hook arguments as a tuple
sys.unraisablehook = sys.__unraisablehook__
def tuple_hook(u):
    print('fields', len(u), u[0].__name__, u[3], u[-1].__qualname__)
sys.unraisablehook = tuple_hook
Bad()

class Msg:
    def __del__(self):
        raise ZeroDivisionError
Msg()
print('end')
