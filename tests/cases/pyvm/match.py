class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def describe(v):
    match v:
        case 0 | 1:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case int():
            return "int"
        case "hello":
            return "greeting"
        case str() as s:
            return f"str of {len(s)}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *rest]:
            return f"list starting {first} then {len(rest)}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": t, **others}:
            return f"shape {t} {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x, y):
            return f"point {x},{y}"
        case None:
            return "none"
        case (a, b, c):
            return "triple"
        case _:
            return "other"


for v in [0, 1, -5, 7, "hello", "abc", [1, 2], [1, 2, 3], (4, 5, 6), {"type": "circle", "r": 2},
          {"type": "sq", "w": 1, "h": 2}, Point(0, 0), Point(3, 3), Point(1, 2), None, 2.5, []]:
    print(describe(v))
