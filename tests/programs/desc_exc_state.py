# BaseException.__reduce__ and __setstate__: exceptions survive pickle and
# copy with their args and instance attributes
import pickle, copy
e = ValueError('x', 2)
e.extra = 5
f = pickle.loads(pickle.dumps(e))
print(type(f), f.args, f.extra)
g = copy.copy(e)
print(g.args, g.extra, copy.deepcopy(e).extra)
print(ValueError('x').__reduce__(), ValueError().__reduce__(), e.__reduce__()[2])
e2 = OSError(2, 'nope', 'fn')
r2 = pickle.loads(pickle.dumps(e2))
print(type(r2).__name__, r2.errno, r2.strerror, r2.filename, repr(r2))
e.__setstate__({'a': 1, 'args': (9,)})
print(e.a, e.args, e.__setstate__(None))
try:
    e.__setstate__(5)
except TypeError as x:
    print('TypeError', x)
class MyE(Exception):
    def __init__(self, a, b=0):
        super().__init__(a)
        self.b = b
n = pickle.loads(pickle.dumps(MyE(1, 2)))
print(type(n).__name__, n.args, n.b)
print(copy.deepcopy(KeyError('k')).args, pickle.loads(pickle.dumps(StopIteration(3))).value)
for E in (UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad'), SystemExit(3), AttributeError('q'),
          ZeroDivisionError('division by zero')):
    r = pickle.loads(pickle.dumps(E))
    print(type(r).__name__, r.args, str(r))
print(type(BaseException.__dict__['__setstate__']).__name__, '__reduce__' in BaseException.__dict__)
