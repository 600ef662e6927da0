class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, c, r):
        self.center, self.r = c, r

def describe(obj):
    match obj:
        case None:
            return "none"
        case True | False as b:
            return f"bool {b}"
        case 0 | 1 | 2:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num}"
        case "quit" | "exit":
            return "command"
        case str() as s if len(s) > 5:
            return f"long str {s}"
        case str(s):
            return f"str {s}"
        case []:
            return "empty seq"
        case [x]:
            return f"one {x}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case {"type": "user", "name": str(name), **extra}:
            return f"user {name} extra {extra}"
        case {"id": _}:
            return "has id"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(x, y), r=radius):
            return f"circle at {x},{y} r={radius}"
        case {**rest} if not rest:
            return "empty mapping"
        case _:
            return "other"

for v in [None, True, 1, -5, 3.5, 7, "quit", "abcdefg", "ab", [], (9,), [1, 2, 3], (4, 5, 6),
          {"type": "user", "name": "ann", "age": 3}, {"id": 1, "z": 2}, Point(0, 0),
          Point(0, 4), Point(2, 2), Point(1, 3), Circle(Point(1, 2), 5), {}, {"k": 1}, object,
          "x" * 3]:
    print(repr(v) if not isinstance(v, (Point, Circle)) else type(v).__name__, "->", describe(v))

def cmd(c):
    match c.split():
        case ["go", ("north" | "south") as d]:
            return f"going {d}"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case [("look" | "l")]:
            return "looking"
        case _:
            return "unknown"
print([cmd(c) for c in ["go north", "go west", "take a b", "take", "l", "look around"]])

import math
CONST = 3
class K:
    V = 10
def consts(x):
    match x:
        case math.pi:
            return "pi"
        case K.V:
            return "ten"
        case -1.5:
            return "neg float"
        case 1+2j:
            return "complex"
        case b"bytes":
            return "bytes"
        case _:
            return "nope"
print([consts(x) for x in [math.pi, 10, -1.5, 1+2j, b"bytes", CONST]])
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
class TooMany:
    __match_args__ = ("a",)
    a = 1
try:
    match TooMany():
        case TooMany(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
match {"a": 1, "b": 2}:
    case {"a": 1, **kw}:
        print("kw", kw)
match "str":
    case [*chars]:
        print("matched seq")
    case _:
        print("str is not a sequence pattern")
match (1, [2, (3, 4)]):
    case (a, [b, (c, d)]):
        print(a + b + c + d)
