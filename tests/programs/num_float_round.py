vals = [2.675, 1.005, 0.125, 0.375, -0.5, 1.5, 2.5, 1e-10, 123.456, 5e-324, 1.7976931348623157e308, 0.1, 1234.5, -1234.5, 0.285, 1.0000000000000002]
for v in vals:
    print(v, [round(v, n) for n in (-3, -1, 0, 1, 2, 3, 5, 10, 20, 400)], round(v) if abs(v) < 1e300 else None)
print(round(0.5), round(-1.5), round(1e15 + 0.5), round(4.5), round(-0.4), type(round(1.5, None)))
for x, n in ((1.5, 0), (-2.5, 0), (25.0, -1), (35.0, -1), (1e20, -19), (12.5, -1)):
    print(round(x, n))
try: round(1.5, 1.5)
except TypeError as e: print(e)
try: round('x')
except TypeError as e: print(e)
print(round(float('inf'), 2), round(float('-inf'), -2), round(float('nan'), 1))
class R:
    def __round__(self, n=None): return ('R', n)
print(round(R()), round(R(), 3))
