d = {}
for i in range(20): d[i * 7 % 20] = i
print(d)
for k in list(d)[::3]: del d[k]
print(d, len(d))
for k in (3, 100, 0, 6): d[k] = 'new'
print(list(d.items())[-6:])
d2 = dict.fromkeys(range(10)); d2.pop(4); d2[4] = 'back'; d2.update({0: 'upd', 11: 'add'}); print(d2)
print([d2.popitem() for _ in range(3)], d2)
stack = {}
for c in 'hello world': stack[c] = stack.get(c, 0) + 1
print(stack, max(stack, key=stack.get), sorted(stack.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
m = {'b': 1, 'a': 2}; m2 = {**m, 'c': 3}; m3 = m | {'a': 0}; print(m2, m3, m | m3 == m3)
n = {1: 'x'}; n.setdefault(2, []).append('y'); n.setdefault(2, []).append('z'); print(n)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2): del big[i]
print(len(big), list(big)[:5], list(big.values())[-3:], sum(big))
big.clear(); big['only'] = 1; print(big)
it = iter({1: 1, 2: 2}); print(next(it))
k = {}
k[1] = 'a'; k[1.0] = 'b'; k[True] = 'c'; print(k)
o = {'z': 1, 'y': 2}; del o['z']; o['z'] = 3; print(o, list(o.keys()), list(reversed(o.items())))
print({i: None for i in 'abc'}.keys() == {'a', 'b', 'c'}, dict(sorted({'b': 1, 'a': 2}.items())))
