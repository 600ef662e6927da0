name, n, x = "pyvm", 42, 3.14159
print("%s has %d items" % (name, n))
print("%5d|%-5d|%05d|%+d|%x|%X|%#x|%o|%e|%.2f|%10.3f|%-8s|%8s|%r|%c|%%" % (
    n, n, n, n, 255, 255, 255, 8, 12345.678, x, x, "left", "right", "q", 65))
print("%(a)s and %(b)d" % {"a": "A", "b": 2}, "%s" % [1, 2], "%s" % (None,), "%.3s" % "abcdef")
print("{} {} {}".format(1, "two", 3.0), "{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>6}|{:<6}|{:^6}|{:*^7}|{:08.3f}|{:,}|{:_}|{:+}|{:e}".format(
    "r", "l", "c", "s", x, 1234567, 1234567, 5, 0.00012))
print("{0[0]} {0[1]} {1.real}".format([7, 8], 5), "{!r} {!s}".format("q", "q"), "{{}}".format())
print("{:b} {:o} {:x} {:#b} {:c} {:%} {:.1%}".format(10, 10, 255, 5, 97, 0.5, 0.123))
w = 10
print(f"{name:>{w}}|{n:<{w}d}|{x:.{2}f}|{n!r:>5}|{'nested'}")
print("abc".center(9, "*"), "7".zfill(3), "-7".zfill(4), "hello world".title(), "aBc".swapcase())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "x".partition("y"))
print("l1\nl2\r\nl3".splitlines(), "a,b,c".rsplit(",", 1), "  a b  ".rsplit(None, 1))
print("hello".rfind("l"), "ab".ljust(4) + "|", "ab".rjust(4), "Abc1".isalnum(), "ABC".isupper())
print("test.py".removesuffix(".py"), "test.py".removeprefix("te"), "%-6.2f|" % 2.5)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
