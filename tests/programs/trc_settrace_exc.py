# sys.settrace: 'exception' events (raised, propagated through frames,
# caught, re-raised), the 'return' None of a frame left by an exception,
# and exceptions raised inside trace functions.
import sys

events = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    if event == 'exception':
        a = (arg[0].__name__, str(arg[1]), type(arg[2]).__name__)
    elif event == 'return':
        a = arg
    else:
        a = None
    events.append((event, frame.f_code.co_name, frame.f_lineno, a))
    return tracer

def show(title):
    print(title)
    for e in events:
        print('  ', e)
    events.clear()

def thrower(x):
    if x:
        raise ValueError('bad %d' % x)
    return x

def middle(x):
    y = thrower(x)
    return y

def catcher():
    try:
        middle(1)
    except ValueError as e:
        r = str(e)
    finally:
        r = r + '!'
    return r

sys.settrace(tracer)
print(catcher())
sys.settrace(None)
show('propagated and caught')

def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        raise

sys.settrace(tracer)
try:
    reraiser()
except ZeroDivisionError:
    pass
sys.settrace(None)
show('re-raise')

def builtin_error():
    d = {}
    try:
        return d['k']
    except KeyError:
        return int('x')

sys.settrace(tracer)
try:
    builtin_error()
except ValueError as e:
    print('ValueError', e)
sys.settrace(None)
show('from builtins')

# an exception raised in the trace function on 'call'
def raise_on_call(frame, event, arg):
    if event == 'call' and frame.f_code.co_name == 'thrower':
        raise KeyError('in call')
    return raise_on_call

sys.settrace(raise_on_call)
try:
    middle(0)
except KeyError as e:
    print('KeyError', e)
print('trace after error:', sys.gettrace())

# an exception raised in the trace function on 'return'
def raise_on_return(frame, event, arg):
    if event == 'return' and frame.f_code.co_name == 'thrower':
        raise OSError('in return')
    return raise_on_return

def guarded():
    try:
        return thrower(0)
    except OSError as e:
        return 'guarded ' + str(e)

sys.settrace(raise_on_return)
print(guarded())
print('trace after error:', sys.gettrace())

# the exception of the traced code is kept across the trace function's calls
def quiet(frame, event, arg):
    try:
        raise IndexError('inside tracer')
    except IndexError:
        pass
    return quiet

def checks():
    try:
        raise TypeError('outer')
    except TypeError:
        return sys.exc_info()[1]

sys.settrace(quiet)
print(repr(checks()))
sys.settrace(None)
