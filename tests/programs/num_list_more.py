a = [5, 3, 8, 1, 9, 2]
a.sort(); print(a); a.sort(reverse=True); print(a)
words = ['bb', 'a', 'ccc', 'dd', 'e']
print(sorted(words, key=len), sorted(words, key=len, reverse=True), sorted(words, reverse=True))
try: [1, 'a'].sort()
except TypeError as e: print(e)
try: sorted([3, None])
except TypeError as e: print(e)
def k(x):
    b.append(1); return x
b = [3, 2, 1]
try: b.sort(key=k)
except ValueError as e: print(e)
print(b)
x = [1, 2, 3, 2, 1]
print(x.index(2), x.index(2, 2), x.index(1, -2), x.count(2), x.count(7))
for args in ((7,), (2, 4), (1, 1, 3)):
    try: print(x.index(*args))
    except ValueError as e: print(e)
try: x.remove(9)
except ValueError as e: print(e)
try: [].pop()
except IndexError as e: print(e)
try: x.pop(10)
except IndexError as e: print(e)
x.insert(0, 'a'); x.insert(100, 'z'); x.insert(-100, 'q'); x.insert(-1, 'm'); print(x)
x.extend(range(3)); x.extend('ab'); print(x, x.copy() == x, x.copy() is x)
x.reverse(); print(x); x.clear(); print(x)
y = list(range(10))
y[::2] = 'abcde'; print(y)
try: y[::2] = [1, 2]
except ValueError as e: print(e)
y[1:3] = []; print(y); y[2:2] = [7, 7, 7]; print(y); del y[::3]; print(y); y[::-1] = range(len(y)); print(y)
y[5:] = (1,); print(y, [1, 2] * -1, [0] * 3, 2 * [1])
try: y[100] = 1
except IndexError as e: print(e)
try: y['a']
except TypeError as e: print(e)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1] == [1.0], [1, [2]] <= [1, [2]])
r = [1]; r.append(r); print(r, [r, r])
print(repr([]), list('abc'), list((1, 2)), list({1: 2}), list(range(3)))
t = (1, 2, 3, 2)
print(t.index(2), t.count(2), t[::-1], t + (4,), t * 2, (1,) * -3, t < (1, 2, 4), tuple('ab'), tuple([1]), repr((1,)), ())
try: t.index(9)
except ValueError as e: print(e)
try: t[0] = 1
except TypeError as e: print(e)
try: t + [1]
except TypeError as e: print(e)
try: [1] + (1,)
except TypeError as e: print(e)
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted(range(10), key=lambda v: v % 3))
