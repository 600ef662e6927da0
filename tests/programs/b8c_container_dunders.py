# Operator and protocol dunders of the containers called directly: in-place
# (__iadd__, __ior__, ...) and reflected (__rmul__, __rsub__, ...) forms, views
# as collections.abc types, GenericAlias, format() of containers.
def show(f):
    try:
        r = f()
        print(repr(r) if not callable(r) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__ + ':', e)
show(lambda: type([].__iter__()).__name__)
show(lambda: [1, 2].__len__()); show(lambda: {1: 2}.__len__()); show(lambda: {1}.__len__()); show(lambda: range(4).__len__())
show(lambda: [1].__contains__(1)); show(lambda: {1: 2}.__contains__(1)); show(lambda: {1}.__contains__(2)); show(lambda: range(3).__contains__(2))
show(lambda: [1, 2].__getitem__(0)); show(lambda: (1, 2).__getitem__(-1)); show(lambda: {1: 2}.__getitem__(1)); show(lambda: range(5).__getitem__(slice(1, 3)))
show(lambda: [1].__add__([2])); show(lambda: [1].__mul__(2)); show(lambda: [1].__rmul__(2)); show(lambda: (1,).__add__((2,)))
show(lambda: [1].__add__((2,))); show(lambda: {1}.__or__({2})); show(lambda: {1}.__or__([2])); show(lambda: {1}.__and__({1}))
show(lambda: {1: 1}.__or__({2: 2})); show(lambda: {1: 1}.__or__(1)); show(lambda: [1].__eq__([1])); show(lambda: [1].__lt__((1,)))
show(lambda: [1].__iadd__((5,))); show(lambda: [1].__imul__(2)); show(lambda: {1}.__ior__({3})); show(lambda: {1}.__isub__({1}))
show(lambda: {1: 2}.__ior__({3: 4})); show(lambda: list.__getitem__([5, 6], 1)); show(lambda: dict.__getitem__({1: 2}, 1))
show(lambda: list[int]); show(lambda: dict[str, int]); show(lambda: set[int]); show(lambda: tuple[int, ...]); show(lambda: frozenset[str])
show(lambda: [].__class__); show(lambda: list.__mro__); show(lambda: dict.__mro__); show(lambda: frozenset.__base__); show(lambda: range.__base__)
show(lambda: isinstance({}.keys(), __import__('collections.abc').abc.KeysView)); show(lambda: isinstance(range(1), __import__('collections.abc').abc.Sequence))
show(lambda: isinstance(iter([]), __import__('collections.abc').abc.Iterator)); show(lambda: isinstance({}.items(), __import__('collections.abc').abc.Set))
show(lambda: [1, 2, 3].__reversed__().__next__()); show(lambda: iter({1: 2}).__next__()); show(lambda: iter(range(1)).__iter__().__next__())
show(lambda: [1].__setitem__(0, 5)); show(lambda: [1].__delitem__(0)); show(lambda: {1: 2}.__delitem__(1)); show(lambda: {1: 2}.__setitem__(3, 4))
show(lambda: tuple.__new__(tuple, [1, 2])); show(lambda: list.__new__(list)); show(lambda: dict.__new__(dict)); show(lambda: set.__new__(set))
show(lambda: frozenset.__new__(frozenset, [1])); show(lambda: range.__new__(range, 3) if False else 'skip')
show(lambda: [].__hash__); show(lambda: {}.__hash__); show(lambda: set().__hash__); show(lambda: ().__hash__())
show(lambda: {1: 2}.keys().__len__()); show(lambda: {1: 2}.values().__iter__().__next__()); show(lambda: {1: 2}.items().__contains__((1, 2)))
show(lambda: slice(1, 2).__eq__(slice(1, 2))); show(lambda: range(3).__eq__(range(3))); show(lambda: range(3).__hash__() == hash(range(3)))
show(lambda: (1, 2).__lt__((1, 3))); show(lambda: (1, 2).__ge__([1])); show(lambda: [1].__ne__(1))
show(lambda: [].__format__('')); show(lambda: format([1, 2])); show(lambda: format((1,), '>10') )
show(lambda: '{}'.format({1: [2]})); show(lambda: '%s %r' % ([1], {2})); show(lambda: f'{range(3)!r:>15}')
show(lambda: (1,).__rmul__(3)); show(lambda: {1}.__rsub__({1, 2})); show(lambda: frozenset({1}).__ror__({2})); show(lambda: {1: 1}.__ror__({2: 2}))
show(lambda: {1}.__ior__([2])); show(lambda: {1}.__rand__([1])); show(lambda: {1: 1}.__ior__([(5, 6)]))
import types
show(lambda: types.GenericAlias.__name__); show(lambda: types.GenericAlias.__module__); show(lambda: types.GenericAlias.__qualname__)
