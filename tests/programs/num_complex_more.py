import math
zs = [1+2j, -3.5j, complex(0, 0), complex(-0.0, 0.0), complex(1e300, 1e300), complex(math.inf, 0), complex(math.nan, math.nan), 2+0j, complex(1, -1)]
for z in zs:
    print(repr(z), abs(z) if math.isfinite(z.real) else '-', z == z, hash(z) if not math.isnan(z.real) else '-', bool(z))
for a in zs[:4] + [2, 0.5]:
    row = []
    for b in (1+1j, -2j, 3, 0.5):
        for op in (lambda x, y: x + y, lambda x, y: x - y, lambda x, y: x * y, lambda x, y: x / y, lambda x, y: x ** y):
            try: row.append(op(a, b))
            except (ZeroDivisionError, OverflowError) as e: row.append(type(e).__name__ + ': ' + str(e))
    print(row)
for s in ('1+1j', '-1.5e3-2J', ' ( 3+4j ) ', 'inf+nanj', '-infj', '1e-3', '+j', '2.j', '.5j'):
    print(complex(s))
for s in ('1++1j', '(1+1j', 'j1', '1 j', '1e+j'):
    try: complex(s)
    except ValueError as e: print(e)
for args in ((1, 'x'), ('1', 1), (None,), ([],)):
    try: complex(*args)
    except TypeError as e: print(e)
print(complex(1.5), complex(True), complex(3, 4).conjugate(), (3+4j).real, (3+4j).imag, abs(3+4j), abs(-5j))
print((1+2j) == complex(1, 2), 1j ** 2, (1j) ** 0.5, 0j ** 1j if False else 0j ** 2, (2+3j) ** 0, (1+1j) ** -2)
try: 0j ** -1
except ZeroDivisionError as e: print(e)
try: int(1j)
except TypeError as e: print(e)
try: float(1j)
except TypeError as e: print(e)
try: abs(complex(1e308, 1e308))
except OverflowError as e: print(e)
print(f'{1+2j}', str(1e20j), repr(1e-20+1j), format(1+2j, ''), (1+2j).__repr__())
