class Evens:
    def __contains__(self, x):
        print("contains?", x)
        return x % 2 == 0


e = Evens()
print(4 in e, 3 in e, 3 not in e)


class ViaIter:
    def __iter__(self):
        return iter([1, 2, 3])


print(2 in ViaIter(), 7 in ViaIter())
print("b" in "abc", "bc" in "abc", "x" not in "abc")
print(2 in {1: "a", 2: "b"}, "a" in {1: "a"})
print(3 in range(0, 10, 3), 4 in range(0, 10, 3))
print([1] in [[1], [2]], (1, 2) in [(1, 2)])
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
