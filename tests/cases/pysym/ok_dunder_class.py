class A:
    def m(self):
        return __class__
    def k(self):
        def inner():
            return __class__
        return inner
