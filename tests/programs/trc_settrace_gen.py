# sys.settrace through generators, generator expressions, yield from,
# send/throw/close and coroutines: a 'call' on each resume, a 'return' on
# each yield.
import sys

events = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    a = arg if event in ('return',) else (arg[0].__name__ if event == 'exception' else None)
    events.append((event, frame.f_code.co_name, frame.f_lineno, a))
    return tracer

def show(title):
    print(title)
    for e in events:
        print('  ', e)
    events.clear()

def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print('got', x)
    return 'done'

sys.settrace(tracer)
for v in gen(2):
    pass
sys.settrace(None)
show('for over a generator')

sys.settrace(tracer)
g = gen(3)
next(g)
g.send('hello')
try:
    g.throw(ValueError('boom'))
except ValueError:
    pass
sys.settrace(None)
show('send and throw')

def inner():
    yield 1
    yield 2

def outer():
    r = yield from inner()
    yield 3

sys.settrace(tracer)
print(list(outer()))
sys.settrace(None)
show('yield from')

sys.settrace(tracer)
print(sum(x for x in range(3)))
sys.settrace(None)
show('generator expression')

def closing():
    try:
        yield 1
    finally:
        print('closing')

sys.settrace(tracer)
c = closing()
next(c)
c.close()
sys.settrace(None)
show('close')

async def co(x):
    return x * 2

async def main():
    a = await co(1)
    return a + 1

sys.settrace(tracer)
m = main()
try:
    m.send(None)
except StopIteration as e:
    print('result', e.value)
sys.settrace(None)
show('coroutine')
