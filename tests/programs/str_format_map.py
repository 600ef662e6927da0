tmpl = "{name} is {age} years"
print(tmpl.format_map({"name": "Ann", "age": 30}))


class Default(dict):
    def __missing__(self, k):
        return "<" + k + ">"


print(tmpl.format_map(Default(name="Bob")))
print("{0}{1}{0}".format("ab", "-"), "{!r:>6}".format("x"), "{:*<4}".format(7))
print("{a.real} {b[1]}".format(a=3, b="xyz"))
print("{:c}{:c}".format(80, 121), "{:%}".format(0.25), "{:.1%}".format(1 / 3))
print("{:,.2f}".format(1234567.891), "{:e}".format(0.000123), "{:g}".format(1e-7))
print("%-6s|%6s|" % ("ab", "cd"), "%03d" % 7, "%.3d" % 7)
