x = 1
if x is 1:
    pass
assert (x, "msg")
y = [1, 2] (3, 4)
z = (1, 2) [x, y]
w = 5 [0]
v = "abc" [1.5]
u = f"{x}" ["k"]
t = {1, 2} [0]
s = [1, 2][0]
