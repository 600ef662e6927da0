def show(a):
    print("value", a)
    return missing + a


show(1)
