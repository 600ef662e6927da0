class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return "%d.%02d" % divmod(self.cents, 100)
        if spec == "c":
            return str(self.cents) + "c"
        return format(self.cents / 100, spec)


m = Money(12345)
print(format(m))
print(format(m, "c"))
print(f"{m}|{m:c}|{m:>10.1f}")
print("{0} {0:c} {1:08.3f}".format(m, m))
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError:", e)
