b = b"a" * 10 ** 6
x = b.replace(b"a", b"b" * 1000)
