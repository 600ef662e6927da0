# stdin/stdout/stderr: PIPE, DEVNULL, STDOUT, files, descriptors, pass_fds
import subprocess
import os
import tempfile

r = subprocess.run(['/bin/sh', '-c', 'echo out; echo err >&2; exit 3'],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout, r.stderr, r.returncode)
r = subprocess.run(['/bin/sh', '-c', 'echo out; echo err >&2'], capture_output=True)
print(r.stdout, r.stderr)
r = subprocess.run(['/bin/sh', '-c', 'echo out; echo err >&2'],
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(r.stdout, r.stderr)
r = subprocess.run(['/bin/cat'], stdin=subprocess.DEVNULL, capture_output=True)
print(r.stdout)
data = b''.join(b'line %06d\n' % i for i in range(30000))
r = subprocess.run(['/bin/cat'], input=data, capture_output=True)
print(len(r.stdout), r.stdout == data, r.stderr)
r = subprocess.run(['/bin/sh', '-c', 'cat; echo E >&2'], input=data, capture_output=True)
print(len(r.stdout), r.stderr)
r = subprocess.run(['/bin/sh', '-c', 'head -c 200000 /dev/zero'], stdout=subprocess.PIPE,
                   bufsize=0)
print(len(r.stdout))
with tempfile.TemporaryDirectory() as d:
    src, dst = os.path.join(d, 'in.txt'), os.path.join(d, 'out.txt')
    with open(src, 'w') as f:
        f.write('from a file\n')
    with open(src) as fin, open(dst, 'w') as fout:
        subprocess.run(['/bin/cat'], stdin=fin, stdout=fout)
    with open(dst) as f:
        print(repr(f.read()))
    fd = os.open(dst, os.O_WRONLY | os.O_APPEND)
    subprocess.run(['/bin/echo', 'by descriptor'], stdout=fd)
    os.close(fd)
    with open(dst) as f:
        print(repr(f.read()))
r, w = os.pipe()
subprocess.run(['/bin/sh', '-c', 'echo passed on fd >&%d' % w], pass_fds=(w,))
os.close(w)
print(os.read(r, 100))
os.close(r)
r, w = os.pipe()
p = subprocess.run(['/bin/sh', '-c', 'echo x >&%d' % w], capture_output=True)
print(p.returncode != 0, b'Bad file descriptor' in p.stderr)
os.close(r)
os.close(w)
p = subprocess.Popen(['/bin/cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write('one\n')
p.stdin.flush()
print(repr(p.stdout.readline()))
p.stdin.close()
print(repr(p.stdout.read()), p.wait())
p.stdout.close()
with subprocess.Popen(['/bin/echo', 'ctx'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)
# a child that exits without reading its input: no BrokenPipeError from run
r = subprocess.run(['/bin/true'], input=b'x' * 1000000)
print(r.returncode)
p = subprocess.Popen(['/bin/true'], stdin=subprocess.PIPE)
p.wait()
try:
    p.stdin.write(b'x' * 100000)
    p.stdin.flush()
except BrokenPipeError as e:
    print('BrokenPipeError', e)
try:
    p.stdin.close()
except BrokenPipeError:
    print('again')
