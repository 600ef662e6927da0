def f():
    raise KeyError("the key")


try:
    f()
finally:
    print("finally ran before traceback")
