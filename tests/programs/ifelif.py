def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


for v in [-5, 0, 3, 42]:
    print(v, classify(v))
if 1:
    print("one is true")
else:
    print("never")
if 0:
    print("never")
