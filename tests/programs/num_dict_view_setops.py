d = {i: i for i in range(10)}
e = {i: 0 for i in range(5, 30, 2)}
print(d.keys() & e.keys(), e.keys() & d.keys(), d.keys() | e.keys(), e.keys() - d.keys(), d.keys() ^ e.keys(), {100, 3, 64} & d.keys(), set(range(40)) & d.keys(), [9, 1, 3] & d.keys())
print({1, 2, 3} - d.keys(), {70, 3} | d.keys(), e.items() - d.items(), d.items() ^ {(1, 1), (5, 6)})
s = set(range(30)); s -= {1, 5, 9}; s.add(100); s -= set(range(10, 20)); print(s)
s = set(range(30)); s ^= set(range(25, 40)); print(s); s &= set(range(0, 100, 3)); print(s)
