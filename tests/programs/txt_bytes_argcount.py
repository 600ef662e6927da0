for T in (bytes, bytearray):
    names = [n for n in dir(T) if not n.startswith('_')]
    obj = T(b"abc")
    for n in names:
        m = getattr(obj, n)
        for args, kw in [((), {}), ((1,)*5, {}), ((), {'zz': 1})]:
            try:
                r = m(*args, **kw)
                r = "ok " + repr(r)[:30]
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            print(T.__name__, n, len(args), kw, r)
