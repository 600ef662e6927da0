# slot wrappers (wrapper_descriptor), method-wrappers and method descriptors
# of built-in types
import re
def r(x):
    return re.sub(r' at 0x[0-9a-f]+', ' at ADDR', repr(x))
print(int.__add__, list.append, object.__init__, str.__add__, Exception.__init__)
print(r((1).__add__), r([].append), r(object().__init__), r('a'.__len__))
print(type(int.__add__).__name__, type((1).__add__).__name__, type(list.append).__name__,
      type([].append).__name__, type(object.__init__).__name__, type(len).__name__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
print((1).__add__.__name__, (1).__add__.__qualname__, (1).__add__.__self__, (1).__add__.__objclass__)
print(list.append.__name__, list.append.__qualname__, list.append.__objclass__)
print(int.__add__(3, 4), (3).__add__(4), list.__len__([1, 2]), [1, 2, 3].__len__(), str.__getitem__('abc', 1))
print((1).__add__ == (1).__add__, (1).__add__ == (2).__add__, (1).__add__ != (1).__sub__)
print(int.__add__.__get__(5)(6), r(int.__add__.__get__(5)), int.__add__.__get__(None, int) is int.__add__)
for f in (lambda: int.__add__(), lambda: int.__add__('a', 1), lambda: list.append(),
          lambda: list.append(1, 2), lambda: int.__add__.__get__('s'), lambda: int.__add__.__get__(None),
          lambda: str.__len__(5), lambda: dict.__setitem__([], 1, 2)):
    try:
        print(repr(f()))
    except TypeError as e:
        print('TypeError', e)
class L(list):
    def __len__(self):
        return list.__len__(self) + 100
print(len(L([1])), L([1]).__len__(), list.__len__(L([1, 2])))
class D(dict):
    def __getitem__(self, k):
        return dict.__getitem__(self, k) * 2
print(D(a=3)['a'])
class Ex(ValueError):
    def __init__(self, *a):
        ValueError.__init__(self, *a)
        self.extra = len(a)
x = Ex(1, 2)
print(x.args, x.extra, str(x))
class S(str):
    def __add__(self, o):
        return 'S+' + str.__add__(self, o)
print(S('a') + 'b', super(S, S('q')).__add__('z'))
print(callable(int.__add__), callable((1).__add__), sorted(n for n in dir(int.__add__) if not n.startswith('_'))[:3])
