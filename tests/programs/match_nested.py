def evaluate(expr):
    match expr:
        case ("num", n):
            return n
        case ("add", l, r):
            return evaluate(l) + evaluate(r)
        case ("mul", l, r):
            return evaluate(l) * evaluate(r)
        case ("neg", e):
            return -evaluate(e)
        case ("let", str(name), value, body):
            return evaluate(substitute(body, name, evaluate(value)))
        case _:
            raise ValueError("bad expr %r" % (expr,))


def substitute(e, name, v):
    match e:
        case ("var", n) if n == name:
            return ("num", v)
        case (op, *args):
            return (op, *[substitute(a, name, v) if isinstance(a, tuple) else a for a in args])
    return e


print(evaluate(("add", ("num", 2), ("mul", ("num", 3), ("num", 4)))))
print(evaluate(("neg", ("num", 5))))
print(evaluate(("let", "x", ("num", 6), ("mul", ("var", "x"), ("var", "x")))))
try:
    evaluate(("pow", 1))
except ValueError as e:
    print("ValueError:", e)
