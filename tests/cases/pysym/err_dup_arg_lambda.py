f = lambda x, *x: 0
