# float.hex() and float.fromhex(): normal, subnormal, extreme, signed zero,
# inf/nan, every accepted spelling, rounding of long mantissas, and errors.
import sys
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 0.1, 1/3, 1e300, 1e-300, 5e-324, 1e-310,
        2.2250738585072014e-308, 2.225073858507201e-308, sys.float_info.max,
        sys.float_info.min, sys.float_info.epsilon, 123456.789, -987.25,
        float("inf"), float("-inf"), float("nan")]
for v in vals:
    h = v.hex()
    back = float.fromhex(h)
    print(repr(v), h, repr(back), back == v or (v != v and back != back))
texts = ["0x1p0", "0x1P+0", "0X1.8p1", "  0x1.8p1  ", "-0x1p-1", "+0x1p-1", "0x.8p0",
         "0x8.p-3", "0x1", "1", "a", "A.8", "0x0p0", "-0x0p0", "0x1p-1074", "0x1p-1075",
         "0x1.8p-1075", "0x1p-1076", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023",
         "0x1p1024", "0x1.0000000000001p0", "0x1.00000000000008p0", "0x1.00000000000018p0",
         "0x1.000000000000080000001p0", "0x1.0000000000000fffffp0", "inf", "-Infinity",
         "nan", "-NaN", "+inf", "0x1p", "0x", "", "0x1.2.3", "0xg", "0x1p1.5", "1p5",
         "0x1_0p0", " ", "0x1p99999999999999", "0x1p-99999999999999", "0x0p99999999999",
         "0x" + "0" * 400 + "1p0", "0x1" + "0" * 300 + "p-1200", "0x.000001p0", "\t0x1p0\n"]
for s in texts:
    try:
        r = float.fromhex(s)
        print(repr(s), "->", repr(r), r.hex())
    except Exception as e:
        print(repr(s), "!!", type(e).__name__, e)
try:
    float.fromhex(5)
except Exception as e:
    print(type(e).__name__, e)
class F(float):
    pass
r = F.fromhex("0x1.8p0")
print(type(r).__name__, r)
x = 1.0
for i in range(300):
    x = x * 1.7 + 1 / (i + 1)
    if x > 1e300:
        x = x / 1e290
    assert float.fromhex(x.hex()) == x
    assert float.fromhex((-x / 7).hex()) == -x / 7
print("round trips ok", x.hex())
