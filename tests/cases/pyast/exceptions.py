try:
    x()
except ValueError as e:
    raise RuntimeError("x") from e
except (TypeError, KeyError):
    raise
except:
    pass
else:
    y = 1
finally:
    z = 2
try:
    pass
except* E1:
    pass
except* (E2, E3) as eg:
    pass
with open(p) as f, lock:
    pass
with (a as b, c as d,):
    pass
async def g():
    async with x as (y, z):
        pass
    async for i in j:
        pass
assert x, "message"
del a, b[0], c.d, (e, f)
