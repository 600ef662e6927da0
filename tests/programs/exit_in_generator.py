import sys


def gen():
    yield 1
    print("exiting from generator")
    sys.exit(9)


try:
    for v in gen():
        print("value", v)
finally:
    print("outer finally")
