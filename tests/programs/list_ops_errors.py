def show(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: [1, 2] + (3,))
show(lambda: [1] * "2")
fl = 1.0
show(lambda: [1, 2, 3][fl])
show(lambda: [].remove(1))
show(lambda: [1, 2].pop(5))
show(lambda: list(5))
show(lambda: [3, 1].sort(key=1))
show(lambda: (1, 2) + [3])
show(lambda: (1, 2).index(3))
show(lambda: [1, 2][None:1])
show(lambda: [0] * -1)
show(lambda: [[]] < [1])
show(lambda: [1, 2, 3][::0])
