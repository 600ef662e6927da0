inventory = {"apple": 3, "pear": 0}
print(inventory.get("apple"), inventory.get("kiwi", "none"))
inventory.setdefault("kiwi", 7)
inventory.update(pear=2)
print(inventory)
for k in list(inventory):
    if inventory[k] > 5:
        del inventory[k]
print(inventory)
print(inventory.pop("apple"), inventory)
try:
    inventory.pop("ghost")
except KeyError as e:
    print("KeyError:", e)
words = "a b a c b a".split()
freq = dict.fromkeys(words, 0)
for w in words:
    freq[w] += 1
print(freq, max(freq, key=freq.get))
print(dict(a=1) == dict([("a", 1)]) == {"a": 1})
print(list({}.items()), len({}), bool({}), bool({0: 0}))


class Default(dict):
    def __missing__(self, key):
        return key * 2


dd = Default(x=1)
print(dd["x"], dd["ab"], "ab" in dd)
