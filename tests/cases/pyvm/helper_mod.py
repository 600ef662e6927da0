# a module imported by imports.py (also runs on its own)
GREETING = "hello from helper"


def double(x):
    return 2 * x


if __name__ == "__main__":
    print("helper run as main")
