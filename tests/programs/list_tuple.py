t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t + (5,), t * 2)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"))
print(t.index("two"), (1, 1, 2).count(1))
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (1, "a") == (1, "a"))
a, b, c, d = t
print(a, d)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
mutable_inside = ([1],)
mutable_inside[0].append(2)
print(mutable_inside)
try:
    mutable_inside[0] += [3]
except TypeError as e:
    print("TypeError:", e)
print(mutable_inside)
print(hash((1, 2)) == hash((1, 2)), (1, 2) in {(1, 2): 0})
try:
    hash(([],))
except TypeError as e:
    print("TypeError:", e)
