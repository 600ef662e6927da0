for z in (1+2j, -0j, 0j, complex(-0.0, -0.0), complex(1, -0.0), 1j, -1j, complex(float('nan'), 1), complex(float('inf'), -float('inf')), complex(1e16, 1e-5), 2j*3):
    print(repr(z), str(z), z.real, z.imag, z.conjugate())
a, b = 3+4j, 1-2j
print(a + b, a - b, a * b, a / b, abs(a), a ** 2, a ** 0.5, a ** b, -a, +a, a == 3+4j, a != b, a == 3, (3+0j) == 3)
print(complex('1+2j'), complex(' 3-4.5j '), complex('j'), complex('-j'), complex('2'), complex('(1+1j)'), complex('1e3j'), complex(2, 3), complex(real=1, imag=2), complex(1+1j, 1j))
for s in ('1+', 'x', '1 + 2j', ''):
    try: print(complex(s))
    except ValueError as e: print(e)
try: (1+1j) / 0
except ZeroDivisionError as e: print(e)
try: (1+1j) // 2
except TypeError as e: print(e)
try: (1+1j) < 2
except TypeError as e: print(e)
print(hash(1+0j) == hash(1), hash(3+4j), 0j ** 0, (1+1j) ** 3, pow(2j, 2))
print(complex(1, 2) * 2, 2 * complex(1, 2), 1.5 + 1j, 1j * 1j, (1e300+1e300j) * 10)
