# code objects: co_* attributes, code.replace(); types.coroutine
import types

def f(a, b=1, /, c=2, *args, d, **kw):
    x = 1
    def g():
        return x
    return g

c = f.__code__
for n in ("co_name", "co_qualname", "co_firstlineno", "co_argcount",
          "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_varnames",
          "co_cellvars", "co_freevars", "co_names", "co_flags"):
    print(n, getattr(c, n))
print(c.co_filename.endswith("lang2_code_types_coroutine.py"))
print(type(c).__name__, isinstance(c, types.CodeType))
inner = f(1, d=2).__code__
print(inner.co_freevars, inner.co_qualname)

c2 = c.replace(co_name="h", co_qualname="H.h")
print(c2.co_name, c2.co_qualname, c2.co_flags == c.co_flags, c2 is c, c.co_name)
c3 = c.replace()
print(c3.co_name, c3.co_varnames == c.co_varnames)
try:
    c.replace(1)
except TypeError as e:
    print("TypeError:", e)
try:
    c.replace(bogus=1)
except TypeError as e:
    print("TypeError:", e)

# swapping __code__
def one():
    return 1
def two():
    return 2
one.__code__ = two.__code__
print(one(), one.__name__)
try:
    one.__code__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    one.__code__ = inner
except ValueError as e:
    print("ValueError:", e)

# a generator-based coroutine
@types.coroutine
def ticks(n):
    total = 0
    for i in range(n):
        got = yield ("tick", i)
        total += got
    return total

print(bool(ticks.__code__.co_flags & 0x100), bool(ticks.__code__.co_flags & 0x20))

async def worker(n):
    r = await ticks(n)
    return r * 10

async def main():
    a = await worker(2)
    b = await ticks(1)
    return a + b

co = main()
try:
    v = co.send(None)
    k = 0
    while True:
        print("yielded", v)
        k += 1
        v = co.send(k)
except StopIteration as e:
    print("result", e.value)

# already a coroutine function: returned unchanged
async def native():
    return 3
print(types.coroutine(native) is native)

# a plain function returning a generator: wrapped
def plain():
    return (x for x in [7, 8])
wrapped = types.coroutine(plain)
async def use():
    return await wrapped()
co = use()
print(co.send(None), co.send(None))
try:
    co.send(None)
except StopIteration as e:
    print("done", e.value)
