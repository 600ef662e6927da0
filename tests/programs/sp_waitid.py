# os.waitid and its waitid_result
import os, subprocess
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
p = subprocess.Popen(['/bin/sh', '-c', 'exit 3'])
r = os.waitid(os.P_PID, p.pid, os.WEXITED)
print(type(r).__name__, r.si_pid == p.pid, r.si_signo, r.si_status, r.si_code == os.CLD_EXITED, len(r))
print(repr(r).replace(str(p.pid), 'PID').split('si_uid')[0])
p = subprocess.Popen(['/bin/sleep', '5'])
t(lambda: os.waitid(os.P_PID, p.pid, os.WEXITED | os.WNOHANG))
p.kill()
r = os.waitid(os.P_ALL, 0, os.WEXITED)
print(r.si_status, r.si_code == os.CLD_KILLED)
t(lambda: os.waitid(os.P_ALL, 0, os.WEXITED))
t(lambda: os.waitid(os.P_ALL, 0))
t(lambda: os.waitid('a', 0, 0))
t(lambda: os.waitid(os.P_ALL, 0, 0))
print(type(r).__module__, r.n_fields if hasattr(r, 'n_fields') else None)
