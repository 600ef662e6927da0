# memory exhausted by many small objects (not one huge one): MemoryError
x = list(map(str, range(10 ** 9)))
