try:
    pass
except ValueError as e:
    pass
with open("f") as (a, b), open("g") as c:
    pass
def f():
    try:
        pass
    except Exception as err:
        return err
