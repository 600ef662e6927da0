x = []
x.extend(range(10 ** 10))
