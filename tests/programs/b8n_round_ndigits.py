# round(): half to even without ndigits; with ndigits on floats (correctly
# rounded from the exact binary value) and ints (half to even at 10**-n);
# return types; big and negative ndigits; errors.
def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4.5, 1e16 + 1, 2.0**52 + 0.5]:
    t(lambda: round(x))
for x in [2.675, 2.665, 1.005, 0.125, 0.375, -0.125, 1234.5678, 5e-324, 1e300, -1e-300,
          0.0, -0.0, 123.456, 0.1 + 0.2, 1/3, 2.5, 25.0, 250.0, 1e22, 1.5e-10]:
    for nd in [-400, -308, -5, -2, -1, 0, 1, 2, 3, 5, 10, 17, 300, 400]:
        t(lambda: round(x, nd))
for n in [0, 5, 15, 25, 35, -15, -25, 1234, 1250, 1350, -1250, 10**20 + 5 * 10**19,
          10**20 + 15 * 10**18, 2**64, -(2**70) - 1, True]:
    for nd in [None, 0, 1, -1, -2, -3, -20, -21, -100]:
        t(lambda: round(n, nd))
t(lambda: round(float("inf")))
t(lambda: round(float("-inf")))
t(lambda: round(float("nan")))
t(lambda: round(float("inf"), 2))
t(lambda: round(float("nan"), 2))
t(lambda: round(1e300 * 10, 0))
t(lambda: round(1.5, 2.0))
t(lambda: round(1.5, "2"))
t(lambda: round(15, 1.0))
t(lambda: round("1.5"))
t(lambda: round())
t(lambda: round(1.5, ndigits=None))
t(lambda: round(number=2.5))
t(lambda: round(2.5, 10**30))
t(lambda: round(2.5, -10**30))
t(lambda: round(25, 10**30))

class R:
    def __round__(self, n=None):
        return ("R.round", n)
t(lambda: round(R()))
t(lambda: round(R(), 3))
t(lambda: round(R(), None))
class NoRound:
    pass
t(lambda: round(NoRound()))
class MyFloat(float):
    pass
t(lambda: round(MyFloat(2.5)))
t(lambda: round(MyFloat(2.567), 2))
class MyInt(int):
    pass
t(lambda: round(MyInt(25), -1))
t(lambda: round(MyInt(25)))
t(lambda: (2.5).__round__())
t(lambda: (2.5).__round__(None))
t(lambda: (2.567).__round__(1))
t(lambda: (25).__round__(-1))
t(lambda: (25).__round__())
