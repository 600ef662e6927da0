x = "ab".zfill(10 ** 10)
