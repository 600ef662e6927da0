# dataclasses: fields, defaults, order, frozen, asdict.
from dataclasses import dataclass, field, asdict, astuple, replace, fields
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int = 0
i = Item("pen", 1.5)
print(i, i == Item("pen", 1.5), asdict(i), astuple(i), [f.name for f in fields(Item)])
print(Ver(1, 2) < Ver(1, 10), sorted([Ver(2), Ver(1, 5)]), replace(Ver(1), minor=3))
try:
    Ver(1).major = 3
except Exception as e:
    print(type(e).__name__, e)
