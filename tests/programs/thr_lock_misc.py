# Locks: weak references, pickling refused, RLock subclasses and their repr.
import pickle
import threading
import weakref

l = threading.Lock()
print(weakref.ref(l)() is l)
r2 = threading.RLock()
print(weakref.ref(r2)() is r2)
for obj in (l, r2):
    try:
        pickle.dumps(obj)
    except TypeError as e:
        print('TypeError', e)
print(isinstance(l, type(threading.Lock())), threading.Lock.__name__)
class R(threading._CRLock):
    pass
x = R()
x.acquire()
print(x._is_owned(), type(x).__name__)
x.release()
print(repr(R()).split(' object')[0])
print(repr(threading.RLock()).split(' object')[0])
