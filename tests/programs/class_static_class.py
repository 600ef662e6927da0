class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, s):
        y, m, d = s.split("-")
        return cls(int(y), int(m), int(d))

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def __repr__(self):
        return "Date(%d, %d, %d)" % (self.y, self.m, self.d)


class MyDate(Date):
    pass


print(Date.from_string("2024-02-29"))
d = MyDate.from_string("2000-1-2")
print(type(d).__name__, d)
print(Date.is_leap(1900), Date.is_leap(2000), d.is_leap(2023))
print(type(Date.__dict__["is_leap"]).__name__)
print(type(Date.__dict__["from_string"]).__name__)
sm = Date.__dict__["is_leap"]
print(sm.__func__(2024))
