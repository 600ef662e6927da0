import inspect

def f(a, b=1, *args, c, d=2, **kw) -> int:
    """Add things."""
    return a

def g(x, /, y: str = "s"):
    pass

class K:
    """A class."""
    attr = 5
    def __init__(self, p, q=3):
        self.p = p
    def method(self):
        return 1
    @staticmethod
    def st():
        pass
    @classmethod
    def cm(cls):
        pass
    @property
    def prop(self):
        return 2

print(inspect.signature(f))
print(inspect.signature(g))
print(inspect.signature(K))
print(inspect.signature(K.method))
print(inspect.signature(K(1).method))
sig = inspect.signature(f)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is inspect.Parameter.empty, p.annotation)
print(sig.return_annotation)
ba = sig.bind(1, 2, 3, c=4, e=5)
print(ba.arguments)
ba.apply_defaults()
print(ba.args, ba.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(inspect.isclass(K), inspect.isclass(K(1)), inspect.isfunction(f), inspect.isfunction(K.st))
print(inspect.ismethod(K(1).method), inspect.ismodule(inspect), inspect.isbuiltin(len))
print(inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f))
def gen():
    yield 1
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()))
print([n for n, v in inspect.getmembers(K) if not n.startswith('__')])
print([n for n, v in inspect.getmembers(K, inspect.isfunction)])
print(inspect.getdoc(f), inspect.getdoc(K))
print(inspect.cleandoc("  first\n    second\n    third"))
print(inspect.getmro(bool))
print(inspect.unwrap(f) is f)
print(inspect.Parameter("z", inspect.Parameter.KEYWORD_ONLY, default=3))
print(inspect.getfullargspec(f))
