# dict views as sets, slices and ranges compared, dunder fallbacks
# (__index__, __divmod__, reflected methods of subclasses, __iter__ = None),
# exception notes, dir(), zip(strict=True) and error messages.
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
print(sorted(k & {"a", "z"}), sorted(k | ["z"]), sorted(k - {"a"}), sorted({"q", "a"} ^ k))
print(d.items() == {("a", 1), ("b", 2), ("c", 3)}, k == {"a", "b", "c"}, k < {"a", "b", "c", "d"})
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), range(0) == range(2, 2),
      range(1, 10, 2) == range(1, 11, 2), range(3) != range(4), hash(range(2)) == hash(range(0, 2)))


class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


lst = list(range(10))
print(lst[I(1):I(4)], hex(I(255)), bin(I(5)), oct(I(8)), range(I(3)), "ab" * I(2), chr(I(65)))


class M:
    def __divmod__(self, o):
        return ("divmod", o)

    def __rdivmod__(self, o):
        return ("rdivmod", o)

    def __pow__(self, e, mod=None):
        return ("pow", e, mod)


print(divmod(M(), 2), divmod(7, M()), pow(M(), 2, 5))


class Base:
    def __add__(self, o):
        return "base add"

    def __lt__(self, o):
        return "base lt"


class Sub(Base):
    def __radd__(self, o):
        return "sub radd"

    def __gt__(self, o):
        return "sub gt"


print(Base() + Sub(), Base() < Sub(), Sub() + Sub())


class NoIter:
    __iter__ = None


try:
    iter(NoIter())
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise ValueError("bad")
    except ValueError as e:
        e.add_note("note one")
        e.add_note("note two")
        raise
except ValueError as e:
    print(e, e.__notes__)
try:
    ValueError().add_note(1)
except TypeError as e:
    print("TypeError:", e)


class P:
    color = 1

    def __init__(self):
        self.size = 2


print([n for n in dir(P()) if not n.startswith("_")], "__init__" in dir(P))
print(list(zip("ab", "cd", strict=True)))
for args in (("ab", "abc"), ("abc", "ab"), ("a", "a", "ab")):
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print("ValueError:", e)
for f in (lambda: getattr(1, 2), lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: int(1, 2, 3)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class A:
    pass


class B(A):
    pass


try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)


def g(**kw):
    return kw


try:
    g(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    P.__dict__["x"] = 1
except TypeError as e:
    print("TypeError:", e)
print(type(P.__dict__).__name__, P.__dict__.get("color"), "color" in P.__dict__)
try:
    type("Bad", (5,), {})
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"


class Magic(metaclass=Meta):
    pass


print(isinstance(1, (str, (float, int))), isinstance("magic", Magic), issubclass(bool, ((int,),)))
print((7).__truediv__(2), (7).__rfloordiv__(20), (2.0).__rpow__(3), 1 / 2 ** 1074, 10 ** 400 // 10 ** 399 / 3)
class L(list):
    pass


print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], L[int], list[int]([1]))
print(list[int] == list[int], list[int].__origin__, list[int].__args__, list["x"])
class Slotted:
    __slots__ = ("x", "y")


class MoreSlots(Slotted):
    __slots__ = "z"


class Open(Slotted):
    pass


ms = MoreSlots()
ms.x, ms.z = 1, 2
print(ms.x, ms.z, hasattr(ms, "__dict__"), hasattr(Open(), "__dict__"))
for f in (lambda: setattr(ms, "q", 1), lambda: vars(ms), lambda: ms.y):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
def thrower():
    raise ValueError("boom")


try:
    thrower()
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        print(type(tb.tb_frame).__name__, tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next


def gen():
    yield 1


g = gen()
print(g.gi_frame is not None, g.gi_running, list(g), g.gi_frame)
err = KeyError("k")
err.add_note("multi\nline")
raise err
