# list heavy code
xs = []
for i in range(1000000):
    xs.append(i * 2)
s = 0
for i in range(len(xs)):
    s = s + xs[i]
ys = [x for x in xs if x % 3 == 0]
ys.reverse()
print(s, len(ys), ys[0])
