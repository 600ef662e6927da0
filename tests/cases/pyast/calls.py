f(a, b, *c, d=1, **e)
f(x for x in y)
f(*a, *b, c=1, *d, **e, g=2)
obj.method(1).attr[2:3, ::4, 5](key=value)
print(sep='', end='\n')
x = a[1:2:3], a[:], a[::], a[1:], a[:2], a[...], a[1, 2], a[*b]
