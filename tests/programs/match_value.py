class Color:
    RED = 1
    GREEN = 2
    BLUE = 3


def name(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Color.BLUE:
            return "blue"
    return "?"


print([name(i) for i in range(5)])


def guard(p):
    match p:
        case (x, y) if x == y:
            return "diag"
        case (x, y) if x > y:
            return "below"
        case (x, y):
            return "above"


print(guard((1, 1)), guard((3, 1)), guard((1, 3)))
x = "unchanged"
match 5:
    case x if x > 10:
        pass
    case _:
        pass
print(x)
match (1, 2):
    case (a, b):
        print(a + b)
