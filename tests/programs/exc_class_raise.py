class E(Exception):
    def __init__(self, *a):
        print("E init", a)
        super().__init__(*a)


try:
    raise E
except E as e:
    print(repr(e), e.args)
try:
    raise E("x", 2)
except E as e:
    print(repr(e), str(e))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "")


class NotExc:
    pass


try:
    raise NotExc
except TypeError as e:
    print("TypeError:", e)
try:
    raise NotExc()
except TypeError as e:
    print("TypeError:", e)
