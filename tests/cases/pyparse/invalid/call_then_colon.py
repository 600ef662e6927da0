def __iter__(self):
    return self

__next__(self):
    pass
