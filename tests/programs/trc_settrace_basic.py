# sys.settrace: call/line/return events, local trace functions, f_trace_lines,
# f_trace_opcodes, returning None, sys.gettrace, f_lineno live.
import sys

events = []

def name(frame):
    return frame.f_code.co_name

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    events.append((event, name(frame), frame.f_lineno, arg if event == 'return' else None))
    return tracer

def add(a, b):
    c = a + b
    return c

def loop(n):
    total = 0
    for i in range(n):
        total = add(total, i)
    return total

def show(title):
    print(title)
    for e in events:
        print('  ', e)
    events.clear()

sys.settrace(tracer)
loop(2)
sys.settrace(None)
show('basic')

# a global function that returns None for the call: no local events
def only_calls(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((event, name(frame), frame.f_lineno))
    return None

sys.settrace(only_calls)
loop(2)
sys.settrace(None)
show('only calls')

# a local tracer that stops after the first line event
def stopper(frame, event, arg):
    events.append(('local', event, name(frame), frame.f_lineno))
    if event == 'line':
        return None
    return stopper

def starter(frame, event, arg):
    if frame.f_code.co_name == 'add':
        events.append(('global', event, name(frame), frame.f_lineno))
        return stopper
    return None

sys.settrace(starter)
add(1, 2)
sys.settrace(None)
show('stopper')

# gettrace
print(sys.gettrace())
sys.settrace(tracer)
print(sys.gettrace() is tracer)
sys.settrace(None)
print(sys.gettrace())
events.clear()

# f_trace_lines = False and f_trace_opcodes
def opcodes(frame, event, arg):
    if frame.f_code.co_name != 'add':
        return None
    if event == 'call':
        frame.f_trace_lines = False
        frame.f_trace_opcodes = True
    events.append((event, frame.f_lineno))
    return opcodes

sys.settrace(opcodes)
add(3, 4)
sys.settrace(None)
kinds = [e[0] for e in events]
print('opcode events:', kinds.count('opcode') > 3, 'line events:', kinds.count('line'))
print(kinds[0], kinds[-1])
events.clear()

# f_trace set on the caller later (as bdb does)
def setter(frame, event, arg):
    return None

def caller_tracer(frame, event, arg):
    events.append((event, name(frame), frame.f_lineno))
    return caller_tracer

def main():
    f = sys._getframe()
    f.f_trace = caller_tracer
    sys.settrace(setter)
    x = 1
    y = x + 1
    sys.settrace(None)
    return y

main()
show('f_trace set later')

# f_lineno of a running frame when not tracing
def lines():
    f = sys._getframe()
    a = f.f_lineno
    b = 0
    b = f.f_lineno
    return a, b
print(lines())

# a trace function that raises: propagates, and tracing stops
def bad(frame, event, arg):
    if event == 'line' and frame.f_code.co_name == 'add':
        raise RuntimeError('from tracer')
    return bad

sys.settrace(bad)
try:
    add(1, 2)
except RuntimeError as e:
    print('caught', e)
print(sys.gettrace())

# lambdas, comprehensions and nested calls
sys.settrace(tracer)
r = [x * 2 for x in range(2)]
k = (lambda q: q + 1)(5)
sys.settrace(None)
show('comprehension and lambda')
