a = [0, 1, 00, 123_456, 0x_FF, 0o17, 0b1010, 10**100]
b = [1.0, .5, 5., 1e10, 1E-5, 1.5e+300, 1e400, 0.1, 3.14159]
c = [1j, 2.5J, 1e3j, 0j]
d = 0xffffffffffffffffffffffffffffffff
e = [..., None, True, False]
