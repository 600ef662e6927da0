def f(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        print('caught', e)
        return None
    except (TypeError, ValueError):
        raise
    finally:
        print('done')

def g(path):
    with open(path) as fh, open(path) as fh2:
        return fh.read() + fh2.read()

try:
    f(0)
except* ValueError:
    pass
