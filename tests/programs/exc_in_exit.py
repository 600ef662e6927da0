class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise RuntimeError("exit failed")


try:
    with BadExit():
        raise ValueError("body failed")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))


class NoEnter:
    def __exit__(self, *a):
        pass


try:
    with NoEnter():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)


def gen_finally_break():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke out, exception dropped"


print(gen_finally_break())
