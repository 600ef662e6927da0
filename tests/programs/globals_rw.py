base = 10


def scaled(x):
    return x * base


counter = [0]


def bump():
    counter[0] = counter[0] + 1


print(scaled(4))
base = 3
print(scaled(4))
bump()
bump()
bump()
print(counter[0])
