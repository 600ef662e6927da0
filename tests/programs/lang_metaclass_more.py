class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        d = {"injected": 1}
        return d
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a, k)
        return super().__call__(*a, **k)

class Base(metaclass=Meta, tag="b"):
    def __init__(self, v=0):
        self.v = v

class Child(Base, tag="c"):
    pass

x = Child(5)
print(x.v, Child.tag, Base.tag, Child.injected, type(Child).__name__)

class Registry:
    subclasses = []
    def __init_subclass__(cls, /, kind="plain", **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind
        Registry.subclasses.append((cls.__name__, kind))
class A(Registry, kind="special"): pass
class B(Registry): pass
class C(A): pass
print(Registry.subclasses, C.kind)
try:
    class D(Registry, bogus=1): pass
except TypeError as e:
    print("TypeError:", e)

class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"], list[int], dict[str, list[int]])

Dyn = type("Dyn", (object,), {"f": lambda self: 7, "z": 3})
print(Dyn().f(), Dyn.z, Dyn.__name__, Dyn.__bases__)
Sub = Meta("Sub", (Base,), {}, tag="dyn")
print(Sub.tag, isinstance(Sub, Meta), issubclass(Sub, Base))

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Singleton):
    def __init__(self):
        print("constructed once")
print(One() is One())

class M2(type):
    def __repr__(cls):
        return f"<M2 {cls.__name__}>"
    def __len__(cls):
        return 99
    def __getitem__(cls, k):
        return k * 2
    def __iter__(cls):
        return iter([1, 2])
class W(metaclass=M2): pass
print(repr(W), len(W), W[4], list(W))
class Abstractish(type):
    def __instancecheck__(cls, inst):
        return hasattr(inst, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Abstractish): pass
class Mallard:
    quack = True
print(isinstance(Mallard(), Duck), isinstance(1, Duck), issubclass(Mallard, Duck))
