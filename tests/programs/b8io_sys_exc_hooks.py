# sys.exc_info, sys.exception, displayhook, settrace/gettrace, call_tracing, exit.
import sys
import builtins
print(sys.exc_info(), sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), type(tb).__name__, tb.tb_lineno)
    print(repr(sys.exception()), sys.exception() is v)
    try:
        raise KeyError('k')
    except KeyError:
        print(repr(sys.exception()), sys.exc_info()[0].__name__)
    print(repr(sys.exception()))
print(sys.exc_info(), sys.exception())
def gen():
    try:
        raise ValueError('in gen')
    except ValueError:
        yield sys.exception()
print(repr(next(gen())))
print(sys.displayhook is sys.__displayhook__, sys.excepthook is sys.__excepthook__)
sys.displayhook(None)
sys.displayhook(42)
print(builtins._)
sys.displayhook([1, 'two'])
print(builtins._)
print(sys.gettrace(), sys.getprofile())
sys.settrace(None)
sys.setprofile(None)
print(sys.gettrace(), sys.getprofile())
print(sys.call_tracing(max, (3, 9, 4)))
try:
    sys.call_tracing(max, [1])
except TypeError as e:
    print(e)
def who():
    return sys._getframe(1).f_code.co_name
def caller():
    return who()
print(caller(), sys._getframe().f_code.co_name)
try:
    sys.exit(3)
except SystemExit as e:
    print('exit', e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print('exit', e.code, e.args)
try:
    sys.exit('message', 'two')
except TypeError as e:
    print(e)
try:
    sys.exit(('a', 1))
except SystemExit as e:
    print('exit', e.code, e.args)
sys.stdout.flush()
sys.exit('bye')
