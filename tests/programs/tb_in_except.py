def handler():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("handling", e)
        return undefined_thing


handler()
