for expr in ["(2.5).__round__()", "(2.567).__round__(2)", "(25).__round__(-1)", "(7).__abs__()", "(-2.5).__abs__()", "(3).__neg__()", "(3.0).__pos__()", "(0).__bool__()", "(3).__hash__()", "(7).__divmod__(2)", "(7.5).__divmod__(2)", "(3+4j).__abs__()", "(5).__rsub__(1)", "(5).__truediv__(2)", "(1.5).__mul__(2)", "(2).__add__(1.5)", "(1.5).__radd__(1)", "(5).__format__('x')", "(1.5).__format__('.2f')", "int.__add__(2, 3)", "float.__sub__(2.0, 3.0)", "(10).__lt__(11)", "(1.0).__eq__(1)", "[1, 2].__len__()", "[3, 1].__contains__(3)", "{1: 2}.__getitem__(1)", "(1, 2).__getitem__(0)", "{1}.__contains__(1)", "(5).__index__()", "(5).__float__()", "(5.5).__int__()", "(5).__invert__()", "(6).__and__(3)", "(6).__rshift__(1)", "[1].__add__([2])", "[1].__mul__(2)", "[1, 2].__reversed__().__next__()", "(1.5).hex()", "int.from_bytes(b'\\x01', 'big')", "(255).to_bytes(1, 'big')", "float.fromhex('0x1p1')", "(1.0).__trunc__()", "(8).bit_length()", "(True).__and__(False)", "(2j).__mul__(2)", "complex.__add__(1j, 1j)", "dict.fromkeys('ab')", "{}.__class__.__name__"]:
    try: print(expr, '->', repr(eval(expr)))
    except Exception as e: print(expr, '!!', type(e).__name__, e)
class I(int): pass
class F(float): pass
print(divmod(I(7), 2), divmod(7, I(2)), divmod(F(7.5), 2), I(7).__divmod__(2), round(I(25), -1), abs(I(-3)), round(F(2.5)), -I(5), ~I(5), (7).__rdivmod__(30), (7.0).__divmod__(2), (7).__divmod__(2.0))
class D(int):
    def __divmod__(self, o): return 'custom'
print(divmod(D(1), 2), divmod(2, D(1)) if False else '', D(9).__round__(), D(9) // 2)
class I(int): pass
class F(float): pass
class C(complex): pass
x = I(5); y = F(2.5); z = C(1, 2)
print(bool(x), bool(I(0)), -x, +x, ~x, abs(I(-4)), bool(y), -y, abs(F(-1.5)), bool(C(0)), -z, abs(z), x.__bool__(), y.__neg__(), z.__abs__(), x.__invert__())
class J(int):
    def __neg__(self): return 'neg!'
    def __bool__(self): return False
print(-J(3), bool(J(3)), J(3).__pos__(), int.__neg__(J(3)), int.__bool__(J(3)))
