# Popen.communicate, text modes, encodings, newlines
import subprocess

p = subprocess.Popen(['/bin/cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'hello\nworld\n')
print(out, err, p.returncode)
p = subprocess.Popen(['/bin/sh', '-c', 'read x; echo got $x; echo e >&2'],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     text=True)
print(p.communicate('abc\n'))
print(p.communicate())
r = subprocess.run(['/bin/cat'], input='text in', capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(['/bin/sh', '-c', 'printf "a\\r\\nb\\rc\\n"'], capture_output=True,
                   text=True)
print(repr(r.stdout))
r = subprocess.run(['/bin/sh', '-c', 'printf "a\\r\\nb\\rc\\n"'], capture_output=True,
                   universal_newlines=True)
print(repr(r.stdout))
r = subprocess.run(['/bin/sh', '-c', 'printf "a\\r\\nb\\n"'], capture_output=True)
print(repr(r.stdout))
r = subprocess.run(['/bin/sh', '-c', 'printf "caf\\303\\251\\n"'], capture_output=True,
                   encoding='utf-8')
print(repr(r.stdout))
r = subprocess.run(['/bin/sh', '-c', 'printf "\\377\\n"'], capture_output=True,
                   encoding='utf-8', errors='replace')
print(repr(r.stdout))
r = subprocess.run(['/bin/sh', '-c', 'printf "\\351t\\351\\n"'], capture_output=True,
                   encoding='latin-1')
print(repr(r.stdout))
r = subprocess.run(['/bin/cat'], input='é\n', capture_output=True, encoding='utf-8')
print(repr(r.stdout))
p = subprocess.Popen(['/bin/cat'], stdin=subprocess.PIPE)
print(p.communicate(b''), p.returncode)
p = subprocess.Popen(['/bin/echo', 'no pipes'], stdout=subprocess.DEVNULL)
print(p.communicate(), p.returncode)
p = subprocess.Popen(['/bin/sh', '-c', 'echo $0 $1', 'zero', 'one'], stdout=subprocess.PIPE)
print(p.communicate()[0])
p = subprocess.Popen(['/bin/sh', '-c', 'exit 9'])
print(p.wait(), p.poll(), p.returncode, p.pid > 0)
print(repr(p).replace(str(p.pid), 'PID'))
big = 'x' * 300000
r = subprocess.run(['/bin/sh', '-c', 'cat; cat >&2 </dev/null'], input=big,
                   capture_output=True, text=True)
print(len(r.stdout), r.stdout == big)
