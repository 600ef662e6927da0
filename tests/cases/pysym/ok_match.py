match cmd:
    case [x, *rest]:
        pass
    case {"k": v, **others}:
        pass
    case Point(x=px, y=py) as pt:
        pass
    case (1 | 2) as num:
        pass
    case other if other > guard:
        pass
