csv = "name,age,city\nann,30,paris\nbob,25,rome"
rows = [line.split(",") for line in csv.splitlines()]
header, *data = rows
print(header)
for r in data:
    print(dict(zip(header, r)))
print("|".join(r[0] for r in data))
print("  a  b  c  ".split(), "a  b".split(" "), ",a,,b,".split(","))
print("a-b-c-d".split("-", 2), "a-b-c-d".rsplit("-", 2), "".split(), "".split(","))
print("x".join([]), "x".join(["only"]), ", ".join(map(str, [1, 2, 3])))
path = "/usr/local/bin/python"
print(path.split("/"), path.rsplit("/", 1)[1], path.rpartition("/")[0])
print("one two three".title().swapcase())
