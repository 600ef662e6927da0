for n in (0, 1, -1, 255, -255, 4096, 2 ** 40):
    print(n, hex(n), oct(n), bin(n), str(n), repr(n))
print(format(255, "x"), format(255, "#010b"), format(-42, "o"))
print(int("777", 8), int("-zz", 36), int(" +12 "))
print(str(10 ** 25), repr(-10 ** 25))
print(int(1e18), int(-2.5e10), int(123.999))
print(chr(65), ord("A"), chr(0x263A) == "\u263a", ord("\n"))
for bad in ("", " ", "1.5", "0x10", "++1"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
