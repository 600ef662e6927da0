s = ""
for i in range(10):
    s = s + "ab"
print(s, len(s))
word = "x"
i = 0
while len(word) < 20:
    word = word + word
    i = i + 1
print(len(word), i)
