def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError(fail)
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log


print(run(None))
print(run("x"))


def order():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            print("inner except")
            raise IndexError("b")
        finally:
            print("inner finally")
    except IndexError as e:
        print("outer except", e)
    finally:
        print("outer finally")


order()
