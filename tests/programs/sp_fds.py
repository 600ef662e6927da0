# no descriptor leaks: subprocess, os.popen, pipes, select objects, errors
import subprocess
import os
import select
import selectors


def nfds():
    return len(os.listdir('/proc/self/fd'))


n0 = nfds()
for i in range(20):
    subprocess.run(['/bin/echo', str(i)], capture_output=True)
    subprocess.run(['/bin/cat'], input=b'x', stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    subprocess.run(['/bin/true'], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        subprocess.run(['/nonexistent'], capture_output=True)
    except FileNotFoundError:
        pass
    try:
        subprocess.run(['/bin/true'], cwd='/nonexistent', stdin=subprocess.PIPE)
    except FileNotFoundError:
        pass
    try:
        subprocess.run(['/bin/sleep', '1'], timeout=0.01, capture_output=True)
    except subprocess.TimeoutExpired:
        pass
    with os.popen('echo x') as f:
        f.read()
    e = select.epoll()
    e.close()
    with selectors.DefaultSelector() as s:
        pass
print('leaked:', nfds() - n0)
# the child sees only 0, 1, 2 (close_fds=True) plus pass_fds
r, w = os.pipe()
out = subprocess.run(['/bin/sh', '-c', 'ls /proc/$$/fd'], capture_output=True, text=True).stdout
print(sorted(int(x) for x in out.split()))
out = subprocess.run(['/bin/sh', '-c', 'ls /proc/$$/fd'], capture_output=True, text=True,
                     pass_fds=(w,)).stdout
print(sorted(int(x) for x in out.split()) == [0, 1, 2, w])
# os.pipe descriptors are not inheritable; close_fds=False keeps inheritable ones only
print(os.get_inheritable(r), os.get_inheritable(w))
os.set_inheritable(w, True)
out = subprocess.run(['/bin/sh', '-c', 'ls /proc/$$/fd'], capture_output=True, text=True,
                     close_fds=False).stdout
print(w in [int(x) for x in out.split()], r in [int(x) for x in out.split()])
os.close(r)
os.close(w)
print('leaked:', nfds() - n0)
