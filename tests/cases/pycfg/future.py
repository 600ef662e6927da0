"""doc"""
from __future__ import annotations
x: int = 1
y: dict[str, list[int | None]]
z: Callable[[int, str], Optional[T]] = None
def f(a: 1 + 2, *args: *Ts, b: "str" = 3, **kw: Any) -> tuple[int, ...]:
    v: int = 5
    return a
class C:
    attr: ClassVar[int] = -1
    other: Final[x if y else -x]
    w: {a: b, **c} | x.y[1:2, ::3]
    t: (1,) | () | a and not b or c < d <= e | f | ~g ** -h | 1 .real
a1: f"{x}"
a2: f"a{{b}}{y!r:>{w}.{p}f}c{ {1: 2}[1] }'q\"" = 1
a3: f'{x:{"nested"}}' = 2
a4: Annotated[int, f"{1+2=}"]
