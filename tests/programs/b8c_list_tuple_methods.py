# list and tuple methods: index/count/insert/pop/remove with huge and negative
# arguments, repetition overflow, sort/sorted argument errors, subclasses.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)
l = [3, 1, 4, 1, 5, 9, 2, 6]
show(lambda: l.index(1)); show(lambda: l.index(1, 2)); show(lambda: l.index(1, -3)); show(lambda: l.index(7))
show(lambda: l.index(5, 0, 4)); show(lambda: l.index(5, 10**30)); show(lambda: l.index(3, -10**30, 10**30))
show(lambda: l.count(1)); show(lambda: l.remove(7)); show(lambda: [].pop()); show(lambda: l.pop(100)); show(lambda: l.pop(-1))
show(lambda: l.insert(-100, 'a') or l); show(lambda: l.insert(100, 'z') or l); show(lambda: l.insert(10**30, 'q') or l)
show(lambda: l[10]); show(lambda: l['a']); show(lambda: l[1.0]); show(lambda: l.__setitem__(50, 1))
show(lambda: [1, 2] * -1); show(lambda: [0] * 3 + [1]); show(lambda: 2 * [1, 2]); show(lambda: [1] * (10**30))
m = [1, 2]; m += (3, 4); m += 'ab'; m += range(2); print(m)
m *= 2; print(m); m *= 0; print(m)
show(lambda: [1, 2] + 'ab')
show(lambda: list(5)); show(lambda: list('abc', 1)); show(lambda: list(x=1))
show(lambda: [].extend(5))
a = [1, 2, 3]; a.extend(a); print(a)
a = [1, 2, 3]; a[1:] = a; print(a)
a = [1, 2, 3]; a[::-1] = a; print(a)
show(lambda: a.sort(lambda x: x)); show(lambda: a.sort(key=1)); show(lambda: a.sort(foo=1))
show(lambda: sorted()); show(lambda: sorted([1], [2])); show(lambda: sorted([3, 1], reverse=None))
a = [5, 3]; a.reverse(); print(a, a.copy(), a.clear(), a)
print([] == [], [1] != [1.0], [1, 2] < [1, 2, 0], list.__hash__)
t = (1, 2, 3, 2)
show(lambda: t.index(2)); show(lambda: t.index(2, 2)); show(lambda: t.index(9)); show(lambda: t.count(2)); show(lambda: t[5]); show(lambda: t['x'])
show(lambda: hash((1, 2, 3))); show(lambda: hash(())); show(lambda: hash((1, (2, -1), 3.5, True, 'x' if False else 10**40)))
show(lambda: hash((1, [2])))
show(lambda: tuple([1, 2]) is tuple([1, 2])); show(lambda: () is ()); show(lambda: tuple('ab')); show(lambda: tuple(1))
show(lambda: (1, 2) * 2); show(lambda: (1,) * -5); show(lambda: (1, 2)[::-1]); show(lambda: (1, 2) + (3,))
class T(tuple): pass
show(lambda: T((1, 2))); show(lambda: type(T((1, 2)) + (3,)).__name__); show(lambda: T((1,)) == (1,))
class L(list): pass
show(lambda: L([1])); show(lambda: type(L([1]) + [2]).__name__); show(lambda: type(L([1]) * 2).__name__); show(lambda: type(L([1, 2])[:1]).__name__)
show(lambda: [1, 2, 3].__contains__(2)); show(lambda: 2 in (1, 2))
show(lambda: list.__len__([1, 2])); show(lambda: [1, 2].__getitem__(slice(1)))
l = [1, 2, 3, 4, 5, 6]
del l[1:5:2]; print(l)
del l[-1]; print(l)
show(lambda: l.__delitem__(10))
l[0:0] = [9]; print(l)
show(lambda: l.__setitem__(slice(0, 4, 2), [1, 2, 3]))
print(max([3, 1]), min((4, 2)), sum([1, 2], []) if False else sum([[1], [2]], []))
print([x for x in reversed([1, 2, 3])], list(enumerate('ab', 5)))
