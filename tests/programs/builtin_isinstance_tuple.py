print(isinstance(1, (str, (float, int))), isinstance("s", ()), isinstance(None, type(None)))
print(issubclass(bool, (str, (int,))), issubclass(type, object), issubclass(object, type))
print(isinstance(int, type), isinstance(type, type), isinstance(object, object))


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"

    def __subclasscheck__(cls, sub):
        return sub is str


class Magic(metaclass=Meta):
    pass


print(isinstance("magic", Magic), isinstance("other", Magic), issubclass(str, Magic), issubclass(int, Magic))
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, (int, 1))
except TypeError as e:
    print("TypeError:", e)
