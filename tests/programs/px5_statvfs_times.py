# px5: os.statvfs/fstatvfs (statvfs_result), os.times (times_result),
# os.getloadavg, os.wait3/wait4 (resource.struct_rusage) and os.waitid
# (waitid_result): types, fields and errors; no machine-dependent values.
import os
import resource
import sys

v = os.statvfs('.')
print(type(v), v.n_fields, v.n_sequence_fields, len(v))
print(v.f_bsize > 0, v.f_frsize > 0, v.f_blocks >= v.f_bfree >= 0, v.f_namemax > 0,
      isinstance(v.f_fsid, int), v[0] == v.f_bsize, v[9] == v.f_namemax)
fd = os.open('.', os.O_RDONLY)
w = os.fstatvfs(fd)
print(w.f_bsize == v.f_bsize, w.f_namemax == v.f_namemax, os.statvfs(fd).f_bsize == v.f_bsize)
os.close(fd)
print(os.statvfs(b'.').f_namemax == v.f_namemax)
print(os.ST_RDONLY, os.ST_NOSUID, os.ST_NODEV, os.ST_NOEXEC, os.ST_SYNCHRONOUS, os.ST_MANDLOCK,
      os.ST_WRITE, os.ST_APPEND, os.ST_NOATIME, os.ST_NODIRATIME, os.ST_RELATIME)
for f in [lambda: os.statvfs('/nonexistent/x'), lambda: os.fstatvfs(999),
          lambda: os.statvfs(3.0), lambda: os.statvfs('a\0b'), lambda: os.fstatvfs('x'),
          lambda: os.statvfs(path='.').f_bsize == v.f_bsize]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t = os.times()
print(type(t), len(t), t.n_fields, all(isinstance(x, float) for x in t), t.elapsed > 0,
      t.user >= 0, t[4] == t.elapsed)
la = os.getloadavg()
print(type(la), len(la), all(isinstance(x, float) and x >= 0 for x in la))

pid = os.fork()
if pid == 0:
    os._exit(4)
p, st, ru = os.wait4(pid, 0)
print(p == pid, os.waitstatus_to_exitcode(st), type(ru), ru.n_fields, type(ru.ru_utime),
      type(ru.ru_maxrss))
pid = os.fork()
if pid == 0:
    os._exit(5)
p, st, ru = os.wait3(0)
print(p == pid, os.WEXITSTATUS(st), type(ru).__name__)
pid = os.fork()
if pid == 0:
    os._exit(6)
r = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(r), r.si_pid == pid, r.si_status, r.si_code == os.CLD_EXITED, r.si_signo, len(r))
print(os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG) if False else 'skip')
for f in [lambda: os.wait4(-1, os.WNOHANG), lambda: os.wait3(os.WNOHANG),
          lambda: os.waitid(os.P_ALL, 0, os.WEXITED)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime >= 0)
