x = b"ab".center(10 ** 10)
