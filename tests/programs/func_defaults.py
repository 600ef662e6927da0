def greet(name, greeting="hello", punct="!"):
    return greeting + ", " + name + punct


print(greet("ann"))
print(greet("bob", "hi"))
print(greet("cy", punct="?"))
print(greet(greeting="yo", name="dee"))


def append_to(x, acc=[]):
    acc.append(x)
    return acc


print(append_to(1))
print(append_to(2))
print(append_to(3, []))


def count(start=0, step=1, n=3):
    return [start + i * step for i in range(n)]


print(count())
print(count(10))
print(count(step=5))
print(count(1, 2, 4))
print(greet.__defaults__)
print(count.__defaults__)
