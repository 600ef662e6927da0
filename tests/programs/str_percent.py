print("%s" % "x", "%s" % (1,), "%s %s" % ("a", "b"), "%s" % [1, 2], "%s" % ((1, 2),))
print("%d %5d %-5d| %05d %+d % d" % (42, 42, 42, 42, 42, 42))
print("%x %X %o %#o %#X %e %.1e" % (255, 255, 8, 8, 255, 12345.678, 0.00012))
print("%r %a %c" % ("é", "é", 0x263a))
print("%.3s|%5.1s|%-4s|" % ("abcdef", "xyz", "ab"))
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
print("%(x)s + %(y)s = %(z)d" % {"x": 1, "y": 2, "z": 3})
print("100%% sure", "%s%%" % 50)
print("%i %u" % (-3, 7), "%g %G" % (1e-10, 1e20))
for bad in (("%d", "s"), ("%z", 1), ("%(k)s", (1,)), ("%c", 1114112)):
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
