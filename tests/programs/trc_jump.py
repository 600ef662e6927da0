# Jumps: setting frame.f_lineno from a 'line' trace event (forward,
# backward, out of a loop) and CPython's ValueErrors for the illegal ones.
import sys

def make_tracer(func_name, from_line, to_line, once=True):
    state = {'done': False}
    def tracer(frame, event, arg):
        if frame.f_code.co_name != func_name:
            return tracer
        if event == 'line' and frame.f_lineno == from_line and not state['done']:
            state['done'] = once
            try:
                frame.f_lineno = to_line
            except ValueError as e:
                print('  ValueError:', e)
        return tracer
    return tracer

def run(func, from_off, to_off):
    first = func.__code__.co_firstlineno
    sys.settrace(make_tracer(func.__name__, first + from_off, first + to_off))
    try:
        r = func()
    finally:
        sys.settrace(None)
    print(func.__name__, from_off, '->', to_off, ':', r)

def forward():
    out = []
    out.append(1)
    out.append(2)
    out.append(3)
    return out

def backward():
    out = []
    out.append(1)
    out.append(2)
    out.append(3)
    return out

def out_of_loop():
    out = []
    for i in range(5):
        out.append(i)
        out.append(-i)
    out.append('end')
    return out

def into_loop():
    out = []
    out.append('a')
    for i in range(2):
        out.append(i)
    return out

def into_except():
    out = []
    out.append('a')
    try:
        out.append('b')
    except ValueError:
        out.append('c')
    return out

def into_finally():
    out = []
    try:
        out.append('a')
    finally:
        out.append('b')
    out.append('c')
    return out

run(forward, 2, 4)
run(backward, 4, 2)
run(out_of_loop, 4, 6)
run(into_loop, 2, 4)
run(into_except, 2, 6)
run(into_finally, 3, 5)
run(forward, 2, 100)
run(forward, 2, -5)
run(out_of_loop, 6, 3)
run(into_finally, 2, 4)

# only from a trace function, on a 'line' event
def not_tracing():
    f = sys._getframe()
    try:
        f.f_lineno = 1
    except ValueError as e:
        print('ValueError:', e)
not_tracing()

def on_call(frame, event, arg):
    if frame.f_code.co_name == 'forward':
        try:
            frame.f_lineno = frame.f_code.co_firstlineno + 3
        except ValueError as e:
            print('ValueError:', e)
        return None
sys.settrace(on_call)
forward()
sys.settrace(None)

tried = []
def bad_types(frame, event, arg):
    if frame.f_code.co_name == 'forward' and event == 'line' and not tried:
        tried.append(1)
        for v in ('3', 2.0):
            try:
                frame.f_lineno = v
            except ValueError as e:
                print('ValueError:', e)
        return None
    return bad_types
sys.settrace(bad_types)
forward()
sys.settrace(None)
