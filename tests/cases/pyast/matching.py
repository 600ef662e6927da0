match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        print("Origin")
    case Point(1, y=var) | Point(2, 3):
        pass
    case {"a": 1, "b": [x, *rest], **kw}:
        pass
    case [1, 2, *_] if x > 0:
        pass
    case -1 | 1.5 | -2+3j | "s" "t" | b"u" | None | True | False:
        pass
    case a.b.c as d:
        pass
    case (x, y,) | (x,):
        pass
    case _:
        pass
match x, y:
    case a, b: pass
