# a precision of 10**9 digits: the C library's printf fails for lack of
# memory; that is a MemoryError, not garbage bytes
try:
    x = "%.*f" % (10 ** 9, 1.5)
except MemoryError:
    print("percent: MemoryError")
x = format(1.5, ".1000000000f")
print(len(x))
