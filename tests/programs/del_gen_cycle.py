# a suspended generator in a reference cycle is finalized by the
# collector: its finally blocks run on gc.collect()
import gc

def worker(name, log):
    try:
        log.append(name + ' start')
        yield 1
        yield 2
    finally:
        log.append(name + ' finally')
        print(name, 'finally ran')

log = []
g = worker('a', log)
next(g)
holder = [g]
holder.append(holder)     # the generator is reachable only from a cycle
del g, holder
print('before collect', log)
gc.collect()
print('after collect', log)

# the generator's own frame refers to the generator
def selfref():
    me = yield
    try:
        yield 'got me'
    finally:
        print('selfref finally, me is a generator:', type(me).__name__)
s = selfref()
next(s)
s.send(s)
del s
gc.collect()
print('after selfref')

# a generator and an object with __del__ in the same cycle: both finalized
class Owner:
    def __init__(self):
        self.gen = self.run()
        next(self.gen)
    def run(self):
        try:
            yield
        finally:
            print('owner gen finally; owner still has gen:', hasattr(self, 'gen'))
    def __del__(self):
        print('Owner.__del__')
Owner()
gc.collect()
print('after owner')

# finished and never-started generators in cycles: nothing to run
def quiet():
    try:
        yield 1
    finally:
        print('quiet finally')
q = quiet()
box = [quiet()]
box.append(box)
del box
gc.collect()
print('never started: no finally')

# a generator that yields in its finally while being closed by gc
def stubborn():
    try:
        yield 1
    finally:
        yield 2
st = stubborn()
next(st)
c = [st]
c.append(c)
del st, c
import sys
sys.unraisablehook = lambda u: print('unraisable:', u.exc_type.__name__, u.exc_value)
gc.collect()
print('end')
