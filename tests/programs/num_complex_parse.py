for s in ['1', '1j', '-1j', '+1.5j', '1+1j', '1-1j', '1e3+2e-3j', '-.5-.5j', 'inf', '-infj', 'nan+nanj', 'infj', '1+infj', ' (1+2j) ', '(3)', '1_0+2_0j', '0x1', '1+', '+', 'j', 'J', '-J', '1J', '(1+2j', '1+2j)', '1 +2j', '1+2 j', '1+2jj', '1.2.3j', '()', '', '1e+1j', '1e1+1e1j']:
    try: print(repr(s), complex(s))
    except ValueError as e: print(repr(s), 'ValueError', e)
for re_, im in ((1, 2), (1.5, -0.0), (-0.0, 1), (0, 0), (1j, 1j), (1 + 2j, 3), (2, 1 + 1j), (True, False)):
    print(complex(re_, im), complex(real=re_, imag=im) == complex(re_, im))
print(repr(complex(0.0, -0.0)), repr(complex(-0.0, -0.0)), repr(-(0j)), repr(0j * -1), repr(complex(1e16, 0)), repr(complex(0, 1e-17)))
print(complex(1, 2).__reduce__ if False else '', 1j.real, 1j.imag, (2j).conjugate(), complex.__name__, type(1j).__name__)
for z in (3 + 4j, -1 - 1j, 1e200 + 1e200j, 0.5j):
    print(abs(z), z * z.conjugate(), z / abs(z) if abs(z) else 0, z ** 2, -z, +z, z == complex(z.real, z.imag))
