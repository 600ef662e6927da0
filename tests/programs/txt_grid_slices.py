# slicing a non-ASCII str and bytes with every start/stop/step combination
s = "aé😀bç€dz"
b = s.encode()
idx = [None, -20, -9, -3, -1, 0, 1, 2, 5, 8, 9, 20]
for step in [None, 1, 2, 3, -1, -2, -4, 7]:
    out = []
    bout = []
    for i in idx:
        for j in idx:
            out.append(s[i:j:step])
            bout.append(b[i:j:step])
    print(step, out)
    print(step, bout)
print([s[k] for k in range(-len(s), len(s))])
print([b[k] for k in range(-len(b), len(b))])
print(list(s), list(reversed(s)), len(s), len(b))
