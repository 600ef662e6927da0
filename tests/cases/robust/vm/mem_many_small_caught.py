# memory exhausted by small objects, caught: the program goes on, and can
# run out again and catch that too
for attempt in range(2):
    try:
        x = ("a" * 10 ** 8).split("a")
    except MemoryError:
        print("split: MemoryError", attempt)
    x = None
try:
    y = [[i] for i in range(10 ** 9)]
except MemoryError:
    print("comprehension: MemoryError")
y = None
print(sum(range(100)))
