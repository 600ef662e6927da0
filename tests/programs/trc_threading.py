# threading.settrace / threading.setprofile: the hooks each new thread
# installs before its run(); a thread's hooks are its own.
import sys
import threading

seen = []

def tracer(frame, event, arg):
    if frame.f_code.co_name == 'work':
        seen.append(('trace', event, threading.current_thread().name, frame.f_lineno))
    return tracer

def profiler(frame, event, arg):
    if frame.f_code.co_name == 'work':
        seen.append(('profile', event, threading.current_thread().name))

def work(n):
    x = n * 2
    return x

threading.settrace(tracer)
t = threading.Thread(target=work, args=(1,), name='T1')
t.start()
t.join()
threading.settrace(None)
print(sys.gettrace())
for e in seen:
    print(e)
seen.clear()

threading.setprofile(profiler)
t = threading.Thread(target=work, args=(2,), name='T2')
t.start()
t.join()
threading.setprofile(None)
print(sys.getprofile())
for e in seen:
    print(e)
seen.clear()

# sys.settrace in a thread does not trace the main thread
def settrace_inside():
    sys.settrace(tracer)
    work(3)
    sys.settrace(None)

t = threading.Thread(target=settrace_inside, name='T3')
t.start()
t.join()
work(4)
for e in seen:
    print(e)
print(threading.gettrace() if hasattr(threading, 'gettrace') else 'no gettrace')
