a = b = c = 1
a, b = b, a
[a, *b] = c
(a, b), c = d
a.b = c[d] = e
x += 1; y -= 2; z *= 3; w @= 4
p /= 1; p //= 2; p %= 3; p **= 4; p >>= 5; p <<= 6; p &= 7; p ^= 8; p |= 9
if (n := len(a)) > 10: pass
x = yield
x: int
def f(): x = yield y
t = 1,
u = *a, *b
v = a if b else c
