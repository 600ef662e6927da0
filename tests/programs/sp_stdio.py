# subprocess with sys.stdin/stdout/stderr and open files as the child's streams; select on them
import select, sys, subprocess, os, io
print(select.select([sys.stdin], [], [], 0)[0] == [sys.stdin])
print(select.select([], [sys.stdout], [], 0)[1] == [sys.stdout])
sys.stdout.flush()
subprocess.run(['/bin/echo', 'to sys.stdout'], stdout=sys.stdout)
subprocess.run(['/bin/cat'], stdin=sys.stdin)
subprocess.run(['/bin/sh', '-c', 'echo to stderr >&2'], stderr=sys.stdout)
f = open('/dev/null')
print(select.select([f], [], [], 0)[0] == [f])
f.close()
try:
    subprocess.run(['/bin/echo'], stdout=io.StringIO())
except Exception as e:
    print(type(e).__name__, e)
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
