class A: pass
class B(A, metaclass=M, **kw):
    """doc"""
    x: int = 1
    y: list[int]
    (z): int = 2
    a.b: str
    def m(self): return super().m()
@decorator
class C(): ...
