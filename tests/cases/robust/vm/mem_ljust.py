x = " ".ljust(10 ** 10)
