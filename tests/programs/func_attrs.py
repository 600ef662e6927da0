def documented(a, b):
    "Adds two things."
    return a + b


print(documented.__name__)
print(documented.__doc__)
print(documented.__qualname__)
print(documented.__code__.co_argcount)
print(documented.__code__.co_varnames)


def outer():
    def inner():
        pass
    return inner


print(outer().__qualname__)
documented.tag = "x"
print(documented.tag)


def annotated(a: int, b: str = "s") -> list:
    return [a, b]


print(sorted(annotated.__annotations__.items(), key=lambda kv: kv[0]))
print(annotated(1))
print(callable(documented), callable(3))
