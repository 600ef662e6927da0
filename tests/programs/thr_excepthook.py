# An uncaught exception in a thread goes to threading.excepthook, which
# prints CPython's "Exception in thread NAME:" and the traceback; the
# program goes on and exits 0.
import threading
import sys

def fail(x):
    raise ValueError('thread failed with %d' % x)

t = threading.Thread(target=fail, args=(3,), name='Worker-A')
t.start()
t.join()
print('main continues', t.is_alive())

def exit_quietly():
    sys.exit(5)
t = threading.Thread(target=exit_quietly, name='Quiet')
t.start()
t.join()
print('SystemExit is silent')

seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
t = threading.Thread(target=fail, args=(9,), name='Hooked')
t.start()
t.join()
print(seen)
threading.excepthook = threading.__excepthook__
import _thread
a = _thread._ExceptHookArgs((KeyError, KeyError('k'), None, None))
print(a.exc_type, a.thread, len(a))
try:
    _thread._excepthook(1)
except TypeError as e:
    print('TypeError:', e)
sys.stdout.flush()
def fail2():
    {}['missing']
t = threading.Thread(target=fail2, name='Second')
t.start()
t.join()
print('done')
