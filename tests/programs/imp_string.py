# The real string module (string.Formatter over _string, Template over re).
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.punctuation)
print(repr(string.whitespace), string.octdigits, len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
print(t.get_identifiers(), t.is_valid())
f = string.Formatter()
print(f.format("{0}-{1!r}-{name:>5}-{x[1]}", 1, "a", name="n", x=[7, 8]))
print(list(f.parse("a{b}c{d!s:>3}e{{f}}")))
