try:
    f()
except E:
    g()
