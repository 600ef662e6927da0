# preexec_fn runs Python in the child; user=, group=, extra_groups= as ints
import subprocess
import os
import sys


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


uid, gid = str(os.getuid()).encode(), str(os.getgid()).encode()
t(lambda: subprocess.run(['/usr/bin/id', '-u'], user=os.getuid(),
                         capture_output=True).stdout.strip() == uid)
t(lambda: subprocess.run(['/usr/bin/id', '-g'], group=os.getgid(),
                         capture_output=True).stdout.strip() == gid)
t(lambda: subprocess.run(['/usr/bin/id', '-u'], user=1.5, capture_output=True))
t(lambda: subprocess.run(['/usr/bin/id', '-u'], group=[1], capture_output=True))
t(lambda: [hasattr(os, n) for n in ('setreuid', 'setregid', 'setgroups')])
t(lambda: os.setreuid('a', 1))
t(lambda: os.setgroups(5))


def pre():
    print('in preexec', os.getpid() != parent, flush=True)


parent = os.getpid()
t(lambda: subprocess.run(['/bin/echo', 'x'], preexec_fn=pre, capture_output=True))
sys.stdout.flush()
t(lambda: subprocess.run(['/bin/echo', 'x'], preexec_fn=pre))
t(lambda: subprocess.run(['/bin/echo', 'x'], preexec_fn=lambda: os._exit(4)))


def pre_oserror():
    raise OSError(5, 'custom')


t(lambda: subprocess.run(['/bin/echo', 'x'], preexec_fn=pre_oserror))
t(lambda: subprocess.run(['/bin/echo', 'x'], preexec_fn=5))
t(lambda: subprocess.run(['/bin/sh', '-c', 'echo $PRE'], capture_output=True,
                         preexec_fn=lambda: os.putenv('PRE', 'set in child')).stdout)
t(lambda: subprocess.run(['/bin/pwd'], capture_output=True, cwd='/',
                         preexec_fn=lambda: os.chdir('/usr')).stdout)
print(os.environ.get('PRE'), os.getcwd() == os.path.dirname(os.path.abspath(__file__)))
