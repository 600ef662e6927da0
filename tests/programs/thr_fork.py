# os.fork() from a thread other than the main one: the child has one
# thread (the forking one, now its main thread); threading works in it.
import os
import threading

def child_work():
    return [threading.active_count(), threading.current_thread() is threading.main_thread()]

result = []
def forker():
    pid = os.fork()
    if pid == 0:
        info = child_work()
        t = threading.Thread(target=lambda: info.append('child thread ran'))
        t.start()
        t.join()
        print('child', info, flush=True)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    result.append(os.waitstatus_to_exitcode(status))

helper_ev = threading.Event()
helper = threading.Thread(target=helper_ev.wait)
helper.start()
t = threading.Thread(target=forker)
t.start()
t.join()
helper_ev.set()
helper.join()
print('parent', result, threading.active_count())

# fork from the main thread while another thread is blocked
ev = threading.Event()
blocked = threading.Thread(target=ev.wait)
blocked.start()
pid = os.fork()
if pid == 0:
    print('child2 threads:', threading.active_count(), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
ev.set()
blocked.join()
print('parent2 done')
