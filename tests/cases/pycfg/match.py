def describe(x):
    match x:
        case 0 | 1:
            return "small"
        case -1:
            return "minus one"
        case None:
            return "none"
        case [a, b, *rest]:
            return a + b
        case [first, *_]:
            return first
        case (p, q):
            return p
        case {"k": v, "j": 1, **kw}:
            return v
        case {}:
            return "empty"
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case Point(1, 2):
            return "p"
        case str() as s:
            return s
        case [(a1, b1) | [b1, a1]]:
            return a1
        case 1+2j:
            return "complex"
        case _:
            return "other"

match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case _ if cond:
        pass
