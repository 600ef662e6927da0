counter = 0
names = []


def bump():
    global counter
    counter += 1
    return counter


def remember(n):
    names.append(n)


for _ in range(3):
    bump()
remember("a")
remember("b")
print(counter, names)


def make_global():
    global created
    created = "yes"


make_global()
print(created)


def read_only():
    return counter * 2


print(read_only())


def shadow():
    counter = -1
    return counter


print(shadow(), counter)


def bad():
    print(counter)
    counter = 5


try:
    bad()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
