def add(a, b):
    return a + b


def greet(name):
    print("hello", name)


def nothing():
    pass


def three(a, b, c):
    return a * 100 + b * 10 + c


print(add(2, 3))
print(add("ab", "cd"))
greet("world")
print(nothing())
print(three(1, 2, 3))
print(add(add(1, 2), add(3, 4)))
