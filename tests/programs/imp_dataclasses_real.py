from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY
import dataclasses
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    secret: str = field(default="s", repr=False)
p = P(1)
print(p, p == P(1), [f.name for f in fields(p)], asdict(p), astuple(p), replace(p, y=5))
@dataclass(frozen=True, order=True)
class F:
    a: int
    b: str = "z"
f = F(1)
try:
    f.a = 2
except dataclasses.FrozenInstanceError as e:
    print("frozen", e)
print(F(1) < F(2), hash(F(1)) == hash(F(1)), sorted([F(3), F(1, "a"), F(1)]))
@dataclass
class Q:
    a: int
    scale: InitVar[int] = 1
    b: int = field(init=False)
    def __post_init__(self, scale):
        self.b = self.a * scale
print(Q(2, 3))
@dataclass(slots=True)
class S:
    a: int
    b: int = 2
print(S(1), S.__slots__, hasattr(S(1), '__dict__'))
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 1
print(K(a=3))
@dataclass
class K2:
    a: int
    _: KW_ONLY
    b: int
print(K2(1, b=2))
@dataclass
class Base:
    x: int = 1
@dataclass
class Derived(Base):
    y: int = 2
print(Derived(), Derived(5, 6), dataclasses.is_dataclass(Derived), dataclasses.is_dataclass(1))
try:
    P()
except TypeError as e:
    print(e)
print(P.__init__.__doc__, P.__match_args__)
import inspect
print(inspect.signature(P))
