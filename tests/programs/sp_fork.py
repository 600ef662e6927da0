# os.fork, register_at_fork, waitpid/wait, execv/execve in the child, spawn*, process groups
import os, sys, subprocess, threading, random
print('start', flush=True)
events = []
os.register_at_fork(before=lambda: events.append('before1'),
                    after_in_child=lambda: events.append('child1'),
                    after_in_parent=lambda: events.append('parent1'))
os.register_at_fork(before=lambda: events.append('before2'),
                    after_in_child=lambda: events.append('child2'))
pid = os.fork()
if pid == 0:
    print('in child', threading.current_thread().name, events, flush=True)
    os._exit(7)
p, st = os.waitpid(pid, 0)
print('parent', events)
print(p == pid, os.WIFEXITED(st), os.WEXITSTATUS(st), os.waitstatus_to_exitcode(st))
pid = os.fork()
if pid == 0:
    os.execv('/bin/echo', ['echo', 'exec', 'ed'])
print(os.waitpid(pid, 0)[1])
pid = os.fork()
if pid == 0:
    os.execve('/bin/sh', ['sh', '-c', 'echo $ZZ; exit 3'], {'ZZ': 'envd'})
print(os.waitstatus_to_exitcode(os.wait()[1]))
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
_, st = os.waitpid(pid, 0)
print(os.WIFSIGNALED(st), os.WTERMSIG(st), os.waitstatus_to_exitcode(st))
print(os.spawnv(os.P_WAIT, '/bin/sh', ['sh', '-c', 'exit 4']))
print(os.spawnl(os.P_WAIT, '/bin/echo', 'echo', 'spawnl'))
print(os.spawnlp(os.P_WAIT, 'echo', 'echo', 'spawnlp'))
pid = os.spawnv(os.P_NOWAIT, '/bin/true', ['true'])
print(os.waitpid(pid, 0)[1])
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'from child %d' % (os.getppid() > 0))
    os._exit(0)
os.close(w)
print(os.read(r, 100)); os.close(r)
os.waitpid(pid, 0)
print(threading.active_count(), threading.current_thread().name)
print(subprocess.run(['/bin/echo', 'after'], capture_output=True).stdout)
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print(e)
print(os.times().__class__.__name__, len(os.times()), type(os.times().elapsed))
print(os.getpgid(0) == os.getpgrp(), os.getsid(0) == os.getsid(os.getpid()))
pid = os.fork()
if pid == 0:
    os.setsid()
    print('sid ok', os.getsid(0) == os.getpid(), os.getpgrp() == os.getpid(), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
pid = os.fork()
if pid == 0:
    os.setpgid(0, 0)
    print('pg ok', os.getpgrp() == os.getpid(), flush=True)
    sys.exit(5)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print(events.count('before1'), events.count('parent1'), events.count('child1'))
print('end')
