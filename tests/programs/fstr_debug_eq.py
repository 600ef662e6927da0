x = 3
name = "ann"
items = [1, 2]
print(f"{x=}")
print(f"{x = }")
print(f"{x*2=}")
print(f"{name=}")
print(f"{name=!s}")
print(f"{x=:5}|")
print(f"{x=:>5}|")
print(f"{items[0]=}, {len(items)=}")
print(f"{3.14159=:.2f}")
print(f"{'q'!r:>6}|")
print(f"{x!r}")
