# list.append and a comprehension growing a list past the memory there is
# are a MemoryError that the program can catch and go on after
x = []
try:
    x.extend([0] * 10 ** 6 for i in range(1000))
except MemoryError:
    print("extend: MemoryError")
del x
big = "x" * 10 ** 6
try:
    y = [big * 100 for i in range(10)]
except MemoryError:
    print("comprehension: MemoryError")
print("done")
