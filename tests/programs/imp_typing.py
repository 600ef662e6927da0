# typing: import and basic use.
from typing import List, Dict, Optional, Union, Tuple, Callable, Any, TypeVar, Generic, NamedTuple
T = TypeVar("T")
def first(xs: List[T]) -> Optional[T]:
    return xs[0] if xs else None
print(first([1, 2]), first([]), first.__annotations__["xs"])
class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v
print(Box[int](3).v, Optional[int], Union[int, str], Dict[str, int], Tuple[int, ...])
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt._fields, Callable[[int], str])
