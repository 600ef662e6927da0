try:
    x = 1
    try:
        y = 2
    except E:
        pass
except F:
    pass
