class P:
    cls_attr = 'c'
    def __init__(self): self.a = 1
    def meth(self): return 'm'
    @property
    def prop(self): return 'p'
p = P()
print(getattr(p, 'a'), getattr(p, 'cls_attr'), getattr(p, 'meth')(), getattr(p, 'prop'), getattr(p, 'zz', None), getattr(P, 'cls_attr'), getattr(1, 'real'), getattr('s', 'upper')())
print(hasattr(p, 'a'), hasattr(p, 'prop'), hasattr(p, 'nope'), hasattr(P, 'meth'), hasattr(5, '__add__'), hasattr(None, 'x'))
setattr(p, 'b', 2); setattr(P, 'k', 3); print(p.b, p.k, vars(p), sorted(k for k in vars(P) if not k.startswith('__')))
delattr(p, 'b'); print(hasattr(p, 'b'), vars(p))
for f in (lambda: getattr(p, 'nope'), lambda: getattr(p), lambda: getattr(p, 5), lambda: setattr(p, 5, 1), lambda: delattr(p, 'nope'), lambda: setattr(1, 'x', 2), lambda: delattr(P, 'zz'), lambda: vars(5), lambda: getattr(1, 'x', 1, 2), lambda: hasattr(p, None)):
    try: print(f())
    except (AttributeError, TypeError) as e: print(type(e).__name__, e)
class G:
    def __getattr__(self, name): return name.upper()
g = G(); print(getattr(g, 'abc'), hasattr(g, 'anything'), getattr(g, 'x', 'dflt'))
class E:
    def __getattr__(self, name): raise KeyError(name)
try: hasattr(E(), 'x')
except KeyError as e: print('KeyError propagates', e)
print(callable(getattr), id(p) == id(p), id(1) != id(2) or True, type(hash(p)).__name__, hash(p) == hash(p))
print(isinstance(p, P), isinstance(p, (int, P)), issubclass(P, object), issubclass(P, (P,)), isinstance(P, type), type(p) is P, type(P).__name__)
print(vars()['P'] is P, 'p' in vars(), sorted(x for x in dir(p) if not x.startswith('_')), len(dir(1)) > 10)
