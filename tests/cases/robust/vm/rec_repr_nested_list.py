x = []
for i in range(200000):
    x = [x]
print(len(str(x)) > 0)
