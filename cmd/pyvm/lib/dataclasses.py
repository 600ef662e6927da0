# cmd/pyvm/lib/dataclasses.py: pyvm's dataclasses (a subset): @dataclass
# with init, repr, eq, order and frozen; field(default, default_factory);
# asdict, astuple, fields, replace.


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default=MISSING, default_factory=MISSING, init=True, repr=True,
                 compare=True):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

    def __repr__(self):
        return f"Field(name={self.name!r},type={self.type!r},default={self.default!r})"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True,
          hash=None, metadata=None, kw_only=False):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, compare)


def fields(obj):
    return tuple(obj.__dataclass_fields__.values())


def _process(cls, init, repr, eq, order, frozen):
    annotations = cls.__dict__.get("__annotations__", {})
    flds = {}
    for base in reversed(cls.__mro__[1:]):
        flds.update(getattr(base, "__dataclass_fields__", {}))
    for name, typ in annotations.items():
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default)
        f.name = name
        f.type = typ
        if f.default is MISSING and name in cls.__dict__:
            delattr(cls, name)
        elif f.default is not MISSING:
            setattr(cls, name, f.default)
        if f.default is MISSING and f.default_factory is MISSING:
            for other in flds.values():
                if other.init and (other.default is not MISSING
                                   or other.default_factory is not MISSING):
                    raise TypeError(f"non-default argument {name!r} follows default argument")
        flds[name] = f
    cls.__dataclass_fields__ = flds
    init_fields = [f for f in flds.values() if f.init]
    qualname = cls.__qualname__

    if init:
        def __init__(self, *args, **kwargs):
            if len(args) > len(init_fields):
                raise TypeError(f"{qualname}.__init__() takes {len(init_fields) + 1} positional "
                                f"arguments but {len(args) + 1} were given")
            values = {}
            for f, a in zip(init_fields, args):
                values[f.name] = a
            for f in init_fields[len(args):]:
                if f.name in kwargs:
                    values[f.name] = kwargs.pop(f.name)
                elif f.default is not MISSING:
                    values[f.name] = f.default
                elif f.default_factory is not MISSING:
                    values[f.name] = f.default_factory()
                else:
                    missing = [g.name for g in init_fields[len(args):]
                               if g.name not in kwargs and g.name not in values
                               and g.default is MISSING and g.default_factory is MISSING]
                    names = ", ".join(repr(m) for m in missing)
                    if len(missing) == 2:
                        names = f"{missing[0]!r} and {missing[1]!r}"
                    raise TypeError(f"{qualname}.__init__() missing {len(missing)} required "
                                    f"positional argument{'s' if len(missing) > 1 else ''}: "
                                    f"{names}")
            if kwargs:
                raise TypeError(f"{qualname}.__init__() got an unexpected keyword argument "
                                f"{next(iter(kwargs))!r}")
            for f in flds.values():
                if not f.init:
                    if f.default_factory is not MISSING:
                        values[f.name] = f.default_factory()
                    elif f.default is not MISSING:
                        values[f.name] = f.default
                    else:
                        continue
                object.__setattr__(self, f.name, values[f.name])
            post = getattr(self, "__post_init__", None)
            if post is not None:
                post()
        cls.__init__ = __init__

    if repr and "__repr__" not in cls.__dict__:
        def __repr__(self):
            inner = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                              for f in flds.values() if f.repr)
            return f"{type(self).__qualname__}({inner})"
        cls.__repr__ = __repr__

    def _key(self):
        return tuple(getattr(self, f.name) for f in flds.values() if f.compare)

    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) == _key(other)
            return NotImplemented
        cls.__eq__ = __eq__
        if frozen:
            cls.__hash__ = lambda self: hash(_key(self))
        else:
            cls.__hash__ = None

    if order:
        def make(op):
            def cmp(self, other):
                if other.__class__ is self.__class__:
                    return op(_key(self), _key(other))
                return NotImplemented
            return cmp
        cls.__lt__ = make(lambda a, b: a < b)
        cls.__le__ = make(lambda a, b: a <= b)
        cls.__gt__ = make(lambda a, b: a > b)
        cls.__ge__ = make(lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field {name!r}")

        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj):
    result = {}
    for f in fields(obj):
        v = getattr(obj, f.name)
        if hasattr(type(v), "__dataclass_fields__"):
            v = asdict(v)
        elif isinstance(v, list):
            v = [asdict(x) if hasattr(type(x), "__dataclass_fields__") else x for x in v]
        result[f.name] = v
    return result


def astuple(obj):
    return tuple(getattr(obj, f.name) for f in fields(obj))


def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def is_dataclass(obj):
    return hasattr(obj if isinstance(obj, type) else type(obj), "__dataclass_fields__")
