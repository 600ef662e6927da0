# Edge cases of tracing and profiling: an error in a generator's return
# event, a jump out of an except block, profiling recursion through
# exceptions, f_trace kept by dying frames, settrace from a key function.
import sys, cProfile, pstats, io
# return-event error in a generator
def gen():
    yield 1
    yield 2
def raiser(frame, event, arg):
    if event == 'return' and frame.f_code.co_name == 'gen':
        raise KeyError('ret')
    return raiser
sys.settrace(raiser)
g = gen()
try:
    next(g)
except KeyError as e:
    print('KeyError', e)
sys.settrace(None)
print(list(g))
# jump out of an except block
def exc_block():
    out = []
    try:
        1/0
    except ZeroDivisionError:
        out.append('in')
        out.append('more')
    out.append('after')
    return out, sys.exc_info()[0]
def jumper(frame, event, arg):
    if frame.f_code.co_name == 'exc_block' and event == 'line' and frame.f_lineno == frame.f_code.co_firstlineno + 5:
        try:
            frame.f_lineno = frame.f_code.co_firstlineno + 7
        except ValueError as e:
            print('VE', e)
    return jumper
sys.settrace(jumper)
print(exc_block())
sys.settrace(None)
# profiling recursion with exceptions
def rec(n):
    if n == 0:
        raise ValueError
    try:
        rec(n - 1)
    except ValueError:
        if n % 2:
            raise
def top():
    try:
        rec(5)
    except ValueError:
        pass
    return sorted([3, 1])
pr = cProfile.Profile()
pr.runcall(top)
st = pstats.Stats(pr)
for k in sorted(st.stats, key=lambda k: (k[2], k[1])):
    cc, nc = st.stats[k][:2]
    print(k[2], nc, cc)
# f_trace kept on frames that die, nested settrace inside a tracer
keep = []
def t2(frame, event, arg):
    keep.append(frame)
    sys.settrace(t2)
    return t2
def leaf(i):
    return i + 1
sys.settrace(t2)
for i in range(3):
    leaf(i)
sys.settrace(None)
print(len(keep) > 5, keep[1].f_trace is t2, keep[1].f_lineno)
# settrace inside a key function called from C
calls = []
def late(frame, event, arg):
    calls.append((event, frame.f_code.co_name))
    return late
def key(x):
    if x == 2:
        sys.settrace(late)
    return -x
def after():
    return 1
def outer():
    r = sorted([1, 2, 3], key=key)
    after()
    return r
print(outer())
sys.settrace(None)
print(calls)
