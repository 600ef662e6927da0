n = None
cases = [
    "n[0]", "n()", "1 + 'a'", "'a' - 1", "[1][5]", "(1,)[2]", "'abc'[10]", "{}['k']",
    "{}.pop('k')", "[].pop()", "int('abc')", "float('x')", "1 / 0", "1 // 0", "1 % 0", "2 ** -1 // 0",
    "[1, 2].index(3)", "'abc'.index('z')", "(1).foo", "len(5)", "iter(5)", "next(iter([]))",
    "hash([])", "{[]: 1}", "set([[1]])", "abs('x')", "ord('ab')", "chr(-1)", "int(None)",
    "list.append()", "'x' * 'y'", "[] + ()", "sum(['a', 'b'])", "min([])", "divmod(1, 0)",
    "object().__dict__", "tuple()[0]", "'%d' % 'x'", "'{}'.format()", "'{0} {1}'.format(1)",
    "import_nonexistent_name", "int('10', 1)", "round(1.5, 'x')", "range(1, 2, 0)",
    "bytes([300])", "float('inf') // 0", "[].remove(1)", "frozenset().add", "dict(a=1)['b']",
    "(1, 2) < (1, 'a')", "str.join(',', [1])", "'a'.encode('nope')", "memoryview(1)",
]
for c in cases:
    try:
        r = eval(c)
        print(f"{c!r}: ok {r!r}"[:60])
    except Exception as e:
        print(f"{c!r}: {type(e).__name__}: {e}")
