import sys
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print("plain loaded as", __name__)
if __name__ == "__main__":
    print("plain run as main")
