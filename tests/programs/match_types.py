def kind(v):
    match v:
        case bool():
            return "bool"
        case int():
            return "int"
        case float():
            return "float"
        case str() | bytes():
            return "text"
        case list() | tuple():
            return "sequence of %d" % len(v)
        case dict():
            return "dict"
        case None:
            return "None"
        case _:
            return type(v).__name__


for v in (True, 3, 2.0, "s", b"b", [1], (1, 2), {}, None, range(2)):
    print(repr(v), kind(v))
match {"a": [1, {"b": (2, 3)}]}:
    case {"a": [_, {"b": (x, y)}]}:
        print("deep", x, y)
match "abc":
    case [*chars]:
        print("str is a sequence?", chars)
    case _:
        print("str is not matched as a sequence")
