def m(x):
    match x:
        case [1, 2] | [3, 4]:
            return "pair"
        case (1 | 2) as small if small > 1:
            return "two-ish"
        case {"k": [*_, last]}:
            return "last is %r" % (last,)
        case {"a": 1, **rest} if not rest:
            return "exactly a"
        case {"a": 1, **rest}:
            return "a plus %d" % len(rest)
        case str(s) if s.startswith("x"):
            return "x-string"
        case [*_] if len(x) > 3:
            return "long seq"
        case float() | complex():
            return "inexact"
    return "none"


for v in ([1, 2], (3, 4), 2, 1, {"k": [7, 8, 9]}, {"a": 1}, {"a": 1, "b": 2},
          "xylo", "abc", [0] * 5, 1.5, {"k": []}):
    print(repr(v), m(v))
match 1, 2:
    case a, b:
        print("tuple subject", a, b)
match [1, [2, 3]]:
    case [_, [_, x]]:
        print("nested capture", x)
