a = (i for i in range(3))
b = {i for i in range(3)}
c = {k: v for k, v in items if k}
d = {vv: kk for kk in r for vv in s}
