x = bytes(10 ** 10)
