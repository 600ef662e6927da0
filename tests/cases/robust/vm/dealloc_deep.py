x = []
for i in range(1000000):
    x = [x]
del x
d = {}
for i in range(1000000):
    d = {"k": d}
d = None
print("ok")
