# A dunder slot assigned a built-in method of another name (enum's
# ReprEnum sets __str__ = int.__repr__): str() must call that method,
# not fall back to the class's own __repr__.
import enum
import signal


class Color(enum.IntEnum):
    RED = 1
    GREEN = 2


print(Color.RED, str(Color.GREEN), repr(Color.RED), format(Color.RED), f"{Color.RED}")
print(signal.SIG_DFL, signal.SIGINT, [signal.SIGTERM])


class F(enum.IntFlag):
    A = 1
    B = 2


print(F.A | F.B, str(F.A), repr(F.A | F.B))


class S(enum.StrEnum):
    X = "x"


print(S.X, str(S.X), repr(S.X), S.X + "y")


class R(int):
    def __repr__(self):
        return "R!"


print(int.__repr__(R(3)), repr(R(3)), str(R(3)))
R.__str__ = int.__repr__
print(str(R(3)), repr(R(3)))


class R2(int):
    def __repr__(self):
        return "R2!"
    __str__ = int.__repr__


print(str(R2(4)), f"{R2(4)!s}", f"{R2(4)!r}")


class L(list):
    def __repr__(self):
        return "L!"
    __str__ = list.__repr__


print(str(L([1])), repr(L([1])))


class T(float):
    __repr__ = lambda s: "T!"
    __str__ = float.__repr__


print(str(T(1.5)), repr(T(1.5)))


class H(int):
    __hash__ = int.__hash__
    __eq__ = int.__eq__
    __lt__ = int.__gt__    # reversed on purpose


print(hash(H(7)), H(1) == 1, H(1) < H(2), sorted([H(1), H(3), H(2)]))
