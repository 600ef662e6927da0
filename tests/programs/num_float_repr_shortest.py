# repr(float) is the shortest string that reads back, and among those the
# closest to the value: 2**-24 is 5.960464477539063e-08, not ...0625e-08.
import random
r = random.Random(12345)
vals = [2**-24, 2**-1074, 2**-1074 * 3, 1e16, 1e22, 0.1 + 0.2, 1 / 3,
        1.7976931348623157e308, 9.999999999999999e22, 123456789012345678.0]
for i in range(1500):
    vals.append(r.random() * 10 ** r.randint(-300, 300))
    vals.append(2.0 ** r.randint(-1074, 1023))
    vals.append(-r.randint(1, 2**53) * 2.0 ** r.randint(-80, 80))
for v in vals:
    print(repr(v), str(v), f"{v!r}")
print(vals[:5])
