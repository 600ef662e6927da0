# cmd/pyvm/lib/typing.py: pyvm's typing: the names programs import for
# annotations, as objects that can be subscripted and printed.


class _Special:
    def __init__(self, name, args=()):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Special(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Type {self._name} cannot be instantiated")

    def __repr__(self):
        if not self.__args__:
            return "typing." + self._name
        return "typing." + self._name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __or__(self, other):
        return _Special("Union", (self, other))

    def __ror__(self, other):
        return _Special("Union", (other, self))


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    return repr(obj)


for _name in ["Any", "List", "Dict", "Set", "FrozenSet", "Tuple", "Optional", "Union",
              "Callable", "Iterable", "Iterator", "Generator", "Sequence", "Mapping",
              "MutableMapping", "MutableSequence", "Type", "ClassVar", "Final", "Literal",
              "Deque", "DefaultDict", "Counter", "Awaitable", "Coroutine", "AsyncIterator",
              "Hashable", "Sized", "Collection", "Container", "NoReturn", "Annotated"]:
    globals()[_name] = _Special(_name)


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return "~" + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol:
    def __class_getitem__(cls, params):
        return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def get_type_hints(obj):
    return dict(getattr(obj, "__annotations__", {}))


TYPE_CHECKING = False
