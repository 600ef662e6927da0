class A:
    def m(self):
        return super().m()
    def n(self):
        return 1
