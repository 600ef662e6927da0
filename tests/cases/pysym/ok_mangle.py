class C:
    __a = 1
    __b__ = 2
    def __m(self, __p):
        __q = self.__a
        def f():
            return __q
        return f
class _:
    __z = 1
class __D:
    __w = 1
