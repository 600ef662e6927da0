# dict heavy code
d = {}
for i in range(400000):
    d[i] = i * i
t = 0
for k in d:
    t = t + d[k]
words = {}
for i in range(400000):
    w = "w" + str(i % 1000)
    words[w] = words.get(w, 0) + 1
print(t, len(words), words["w7"])
