# sys.setprofile: 'call'/'return' of Python functions, 'c_call',
# 'c_return', 'c_exception' of built-in functions and methods.
import sys

events = []

def describe(arg):
    if arg is None:
        return None
    if callable(arg) and hasattr(arg, '__name__'):
        return arg.__name__
    return repr(arg)

def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    events.append((event, frame.f_code.co_name, frame.f_lineno, describe(arg)))

def show(title):
    print(title)
    for e in events:
        print('  ', e)
    events.clear()

def work(items):
    n = len(items)
    items.append(n)
    s = sorted(items, key=lambda x: -x)
    return max(s) + abs(-n)

sys.setprofile(prof)
work([3, 1, 2])
sys.setprofile(None)
show('work')

def fails():
    try:
        int('nope')
    except ValueError:
        pass
    try:
        [].pop()
    except IndexError:
        pass
    try:
        divmod(1, 0)
    except ZeroDivisionError:
        return 'handled'

sys.setprofile(prof)
fails()
sys.setprofile(None)
show('c_exception')

class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

def gen():
    yield 1
    yield 2

sys.setprofile(prof)
c = C(5)
c.get()
for x in gen():
    pass
d = {}
d.setdefault('a', []).append(1)
sys.setprofile(None)
show('methods and generators')

print(sys.getprofile())
sys.setprofile(prof)
print(sys.getprofile() is prof)
sys.setprofile(None)
events.clear()

# a profile function that raises is removed
def badprof(frame, event, arg):
    if event == 'c_call':
        raise RuntimeError('profiler failed')

sys.setprofile(badprof)
try:
    len([])
except RuntimeError as e:
    print('caught', e)
print(sys.getprofile())

# trace and profile together
order = []
def t(frame, event, arg):
    if frame.f_code.co_name == 'small':
        order.append('trace ' + event)
    return t
def p(frame, event, arg):
    if frame.f_code.co_name == 'small':
        order.append('profile ' + event)

def small():
    return 1

sys.settrace(t)
sys.setprofile(p)
small()
sys.setprofile(None)
sys.settrace(None)
print(order)
