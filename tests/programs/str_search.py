text = "the cat sat on the mat with the hat"
print(text.count("the"), text.count("at"), text.count("the", 5), text.count("x"))
print(text.find("the"), text.find("the", 1), text.rfind("the"), text.find("the", 0, 3))
print(text.index("mat"), text.rindex("at"), text.startswith("cat", 4), text.endswith("hat", 0, 35))
pos = []
i = text.find("at")
while i != -1:
    pos.append(i)
    i = text.find("at", i + 1)
print(pos)
print(text.replace("the ", "", 2), text.replace("", "-")[:12])
print("aaa".replace("a", "b", 0), "aaaa".count("aa"), "".find(""), "abc".find("", 10))
try:
    text.rindex("dog")
except ValueError as e:
    print("ValueError:", e)
