# __module__ assigned after the class statement, or in its body, decides
# repr() of the class and of its instances.
class C:
    pass

C.__module__ = "pkg.mod"
print(C.__module__, repr(C), repr(C()).split(" at ")[0])
C.__module__ = None
print(C.__module__, repr(C), repr(C()).split(" at ")[0])
C.__module__ = 5
print(C.__module__, repr(C))
C.__module__ = "builtins"
print(repr(C))

class D:
    __module__ = None

print(repr(D), repr(D()).split(" at ")[0])
print(int("\u0661\u0662"), float(" \u0663.5\u2003"), int("\u0664", 16))
try:
    int("x\u0661")
except ValueError as e:
    print(e)
