# functools.singledispatch (register consults typing for unions).
import functools
@functools.singledispatch
def show(x):
    return "object"
@show.register
def _(x: int):
    return "int"
@show.register(list)
def _(x):
    return "list"
print(show(1), show("s"), show([1]), show.dispatch(bool).__name__)
