class B:
    def __getattr__(self, n):
        return self.x


B().y
