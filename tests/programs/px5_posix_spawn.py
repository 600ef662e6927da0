# px5: os.posix_spawn / posix_spawnp: running programs, file_actions
# (open, close, dup2), setpgroup, setsid, setsigmask, setsigdef, resetids,
# the argument errors; os.sched_param.
import os
import signal
import sys
import tempfile


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def wait(pid):
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


env = dict(os.environ)
print(os.POSIX_SPAWN_OPEN, os.POSIX_SPAWN_CLOSE, os.POSIX_SPAWN_DUP2)
pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'exit 7'], env)
print('exit', wait(pid))
pid = os.posix_spawnp('sh', ['sh', '-c', 'exit 3'], env)
print('exit', wait(pid))
r, w = os.pipe()
pid = os.posix_spawnp('sh', ['sh', '-c', 'echo "out:$V"'], {'V': 'val', 'PATH': env['PATH']},
                      file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)])
os.close(w)
print(os.read(r, 100), wait(pid))
os.close(r)

d = tempfile.mkdtemp()
out = os.path.join(d, 'out')
pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'echo to-file; echo err >&2'], env,
                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT, 0o600),
                                   (os.POSIX_SPAWN_DUP2, 1, 2)])
print(wait(pid))
with open(out) as f:
    print(f.read())
os.unlink(out)
os.rmdir(d)

r, w = os.pipe()
pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'echo $(( $(cut -d" " -f5 /proc/$$/stat) == $$ ))'],
                     env, setpgroup=0, file_actions=[(os.POSIX_SPAWN_DUP2, w, 1)])
os.close(w)
print('own group', os.read(r, 100), wait(pid))
os.close(r)
r, w = os.pipe()
pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'echo $(( $(cut -d" " -f6 /proc/$$/stat) == $$ ))'],
                     env, setsid=True, file_actions=[(os.POSIX_SPAWN_DUP2, w, 1)])
os.close(w)
print('own session', os.read(r, 100), wait(pid))
os.close(r)
r, w = os.pipe()
pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'exec grep SigBlk /proc/self/status'], env,
                     setsigmask=[signal.SIGUSR1, signal.SIGUSR2],
                     file_actions=[(os.POSIX_SPAWN_DUP2, w, 1)])
os.close(w)
blk = int(os.read(r, 100).split()[1], 16)
print('blocked USR1, USR2:', blk >> (signal.SIGUSR1 - 1) & 1, blk >> (signal.SIGUSR2 - 1) & 1,
      wait(pid))
os.close(r)
old = signal.signal(signal.SIGUSR1, signal.SIG_IGN)
r, w = os.pipe()
pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'exec grep SigIgn /proc/self/status'], env,
                     setsigdef=[signal.SIGUSR1], file_actions=[(os.POSIX_SPAWN_DUP2, w, 1)])
os.close(w)
ign = os.read(r, 100).split()[1]
print('SIGUSR1 ignored:', int(ign, 16) >> (signal.SIGUSR1 - 1) & 1, wait(pid))
os.close(r)
signal.signal(signal.SIGUSR1, old)
pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'exit 0'], env, resetids=True, file_actions=None)
print(wait(pid))
pid = os.posix_spawn(b'/bin/sh', (b'sh', b'-c', b'exit 5'), env, file_actions=())
print(wait(pid))

t(lambda: os.posix_spawn('/nonexistent', ['x'], env))
t(lambda: os.posix_spawnp('nonexistentxx', ['x'], env))
t(lambda: os.posix_spawn('/bin/true', [], env))
t(lambda: os.posix_spawn('/bin/true', 'ab', env))
t(lambda: os.posix_spawn('/bin/true', ['x'], 5))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, file_actions=5))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, file_actions=[5]))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, file_actions=[(99,)]))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, file_actions=[()]))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, file_actions=[(os.POSIX_SPAWN_CLOSE,)]))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, file_actions=[(os.POSIX_SPAWN_OPEN, 1, 2)]))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, file_actions=[(os.POSIX_SPAWN_DUP2, 1)]))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, setpgroup='x'))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, setsigmask=[99999]))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, setsigmask=5))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, setsigdef=[0]))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, scheduler=(0, 5)))
t(lambda: os.posix_spawn('/bin/true', ['x'], env, foo=1))
t(lambda: os.posix_spawn('/bin/true', ['x'], {'A=B': 'c'}))
t(lambda: os.posix_spawn('/bin/true', ['x']))
t(lambda: os.posix_spawn(path='/bin/true', argv=['x'], env=env))
t(lambda: os.posix_spawn('/bin/true', [''], env))
t(lambda: os.sched_param(5))
t(lambda: os.sched_param(sched_priority=3))
t(lambda: os.sched_param.__mro__)
t(lambda: os.sched_param(1).n_fields)
t(lambda: os.sched_param(2).sched_priority)
t(lambda: os.sched_getparam(0))
t(lambda: os.sched_getscheduler(0) == os.SCHED_OTHER)
t(lambda: (os.sched_get_priority_min(os.SCHED_FIFO), os.sched_get_priority_max(os.SCHED_OTHER)))
t(lambda: os.sched_get_priority_max(99))
pid = os.posix_spawn('/bin/true', ['true'], env,
                     scheduler=(os.SCHED_OTHER, os.sched_param(0)))
print(wait(pid))
