print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[k]}".format([7, 8], {"k": "v"}))


class O:
    attr = "A"


print("{0.attr} {0.attr!r}".format(O()))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:+,} {:x}".format(3.14159, 1234567, 255))
print("{{}} {}".format("braces"))
print("{0!r:>10}".format("q"))
print("{:{}{}}".format("z", ">", 5))
for bad in ("{", "}", "{0} {}", "{2}"):
    try:
        print(bad.format(1, 2))
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
print("%(a)s-%(b)03d" % {"a": "A", "b": 7})
print("%c%c" % (72, "i"), "%5.2s|" % "abc", "%%", "%o %X %#x" % (8, 255, 255))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError:", e)
