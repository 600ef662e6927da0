def work():
    print("working")
    raise KeyboardInterrupt
try:
    work()
finally:
    print("cleanup ran")
