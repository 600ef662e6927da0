import functools
@functools.wraps(f)
def g(a: int, *b: str, c: list = [], **d: dict) -> bool:
    x: int = 1
    y: float
    return x
class K(Base, metaclass=Meta):
    attr: int = 0
