names = [n for n in dir(str) if not n.startswith('_')]
for n in names:
    m = getattr("abc", n)
    for args, kw in [((), {}), ((1,)*5, {}), ((), {'zz': 1})]:
        try:
            m(*args, **kw)
            r = "ok"
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(n, len(args), kw, r)
