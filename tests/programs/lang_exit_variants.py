import sys
def try_exit(arg, *more):
    try:
        sys.exit(arg, *more) if more else sys.exit(arg)
    except SystemExit as e:
        print(repr(e), e.code, e.args)
try_exit(None)
try_exit(3)
try_exit("message")
try_exit(300)
try_exit((1, 2))
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code, e.args)
try:
    exit(5)
except SystemExit as e:
    print("builtin exit", e.code)
try:
    quit()
except SystemExit as e:
    print("quit", e.code)
print(issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, BaseException), issubclass(GeneratorExit, Exception))
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("KeyboardInterrupt caught as BaseException", repr(e))
sys.stdout.flush()
sys.exit("goodbye message")
