class A:
    def __add__(self, o):
        return NotImplemented

    def __lt__(self, o):
        return NotImplemented


def show(fn):
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)


show(lambda: A() + 1)
show(lambda: 1 + A())
show(lambda: A() < A())
show(lambda: A() - A())
show(lambda: "a" + 1)
show(lambda: 1 + "a")
show(lambda: [] * 1.5)
show(lambda: {} + {})
show(lambda: -"x")
show(lambda: ~1.5)
show(lambda: None < 1)
show(lambda: "a" < 1)
show(lambda: [1] < (1,))
print(NotImplemented)
print(type(NotImplemented).__name__)
