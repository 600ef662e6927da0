# subprocess errors: exec failures through the error pipe, bad arguments,
# CalledProcessError messages
import subprocess
import _posixsubprocess
import os


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: subprocess.run(['/nonexistent']))
t(lambda: subprocess.run(['nonexistent_cmd_xyz_sp']))
t(lambda: subprocess.run(['/etc/passwd']))
t(lambda: subprocess.run(['/usr']))
t(lambda: subprocess.run(['/bin/echo'], cwd='/nonexistent'))
t(lambda: subprocess.run(['/bin/echo'], cwd='/etc/passwd'))
t(lambda: subprocess.run(['echo', 1]))
t(lambda: subprocess.run(['/bin/echo', 'x\0y']))
t(lambda: subprocess.run(['/bin/echo', 'x'], env={'A\0': 'b'}))
t(lambda: subprocess.run(['/bin/echo', 'x'], env={'A=': 'b'}))
t(lambda: subprocess.run(['/bin/echo', 'x'], env={1: 'b'}))
t(lambda: subprocess.run(['/bin/echo', 'x'], preexec_fn=lambda: 1 / 0))
t(lambda: subprocess.run([]))
t(lambda: subprocess.run(5))
t(lambda: subprocess.run(['/bin/echo'], stdout='bad'))
t(lambda: subprocess.run(['/bin/echo'], input=b'x', stdin=subprocess.PIPE))
t(lambda: subprocess.run(['/bin/echo'], capture_output=True, stdout=subprocess.PIPE))
t(lambda: subprocess.run(['/bin/echo'], text=True, universal_newlines=False))
try:
    subprocess.run(['/bin/sh', '-c', 'exit 5'], check=True)
except subprocess.CalledProcessError as e:
    print(e, e.returncode, e.cmd, e.output, e.stderr)
try:
    subprocess.check_output(['/bin/sh', '-c', 'echo oops; echo bad >&2; exit 2'],
                            stderr=subprocess.PIPE)
except subprocess.CalledProcessError as e:
    print(repr(e), e.output, e.stdout, e.stderr)
t(lambda: subprocess.check_call(['/bin/false']))
t(lambda: subprocess.run('kill -9 $$', shell=True, check=True))
t(lambda: subprocess.run('kill -TERM $$', shell=True, check=True))
print(str(subprocess.CalledProcessError(-99, 'x')))
print(str(subprocess.CalledProcessError(3, ['a'])))
print(str(subprocess.TimeoutExpired('cmd', 1.5)))
print(isinstance(subprocess.CalledProcessError(1, 'x'), subprocess.SubprocessError))
# _posixsubprocess.fork_exec checks its arguments before forking
t(lambda: _posixsubprocess.fork_exec())
t(lambda: _posixsubprocess.fork_exec(*range(22)))
t(lambda: _posixsubprocess.fork_exec(*range(24)))
t(lambda: _posixsubprocess.fork_exec(*range(23)))
args = [[b'/bin/true'], [b'/bin/true'], True, (5,), None, None,
        -1, -1, -1, -1, -1, -1, 3, 4, True, False, -1, None, None, None, -1, None, True]
bad = list(args)
bad[13] = 2
t(lambda: _posixsubprocess.fork_exec(*bad))
bad = list(args)
bad[3] = (5, 3)
t(lambda: _posixsubprocess.fork_exec(*bad))
bad = list(args)
bad[3] = (-1,)
t(lambda: _posixsubprocess.fork_exec(*bad))
bad = list(args)
bad[6] = 'x'
t(lambda: _posixsubprocess.fork_exec(*bad))
bad = list(args)
bad[0] = 7
t(lambda: _posixsubprocess.fork_exec(*bad))
t(lambda: _posixsubprocess.fork_exec(*args, x=1))
