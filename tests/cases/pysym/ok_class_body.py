x = 0
class C:
    x = 1
    y = x
    def m(self):
        return x
