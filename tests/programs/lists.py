xs = [1, 2, 3]
print(xs[0], xs[1], xs[2], xs[-1])
xs.append(4)
xs.append(10 ** 20)
print(len(xs), xs[3], xs[4])
xs[0] = 100
print(xs[0] + xs[1])
empty = []
print(len(empty))
empty.append("a")
print(empty[0], len(empty))
print(xs)
