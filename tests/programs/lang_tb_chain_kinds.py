class ResourceError(Exception):
    pass
def load():
    try:
        {}["config"]
    except KeyError as e:
        raise ResourceError("cannot load") from e
def start():
    try:
        load()
    except ResourceError:
        raise RuntimeError("startup failed")
try:
    start()
except RuntimeError as e:
    print("context:", repr(e.__context__), "cause of context:", repr(e.__context__.__cause__))
def quiet():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
try:
    quiet()
except ValueError as e:
    print(e.__suppress_context__, e.__cause__, repr(e.__context__))
e = ValueError("note me")
e.add_note("first note")
e.add_note("second\nline")
start_err = None
def final():
    try:
        start()
    finally:
        print("finally runs before traceback")
final()
