# px5: fcntl: fcntl with int and buffer arguments, ioctl (int, bytes,
# mutable buffer), flock, lockf, the constants, the errors; F_GETPIPE_SZ
# and F_SETPIPE_SZ (subprocess pipesize=).
import array
import fcntl
import os
import tempfile
import termios


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


r, w = os.pipe()
print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_GETFD, fcntl.F_SETFD,
      fcntl.F_GETFL, fcntl.F_SETFL, fcntl.FD_CLOEXEC, fcntl.F_DUPFD, fcntl.F_DUPFD_CLOEXEC,
      fcntl.F_GETPIPE_SZ, fcntl.F_SETPIPE_SZ, fcntl.F_RDLCK, fcntl.F_WRLCK, fcntl.F_UNLCK,
      fcntl.F_SETLK, fcntl.F_SETLKW, fcntl.F_GETLK, fcntl.F_OFD_SETLK, fcntl.DN_MULTISHOT,
      fcntl.F_ADD_SEALS, fcntl.F_SEAL_WRITE)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fl = fcntl.fcntl(w, fcntl.F_GETFL)
print(fl & os.O_NONBLOCK, fl & os.O_ACCMODE == os.O_WRONLY)
print(fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK))
print(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK != 0, os.get_blocking(w))
fcntl.fcntl(w, fcntl.F_SETFL, fl)
print(fcntl.fcntl(r, fcntl.F_GETPIPE_SZ))
print(fcntl.fcntl(r, fcntl.F_SETPIPE_SZ, 8192), fcntl.fcntl(r, fcntl.F_GETPIPE_SZ))


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


print(fcntl.fcntl(F(r), fcntl.F_GETPIPE_SZ))
d = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 100)
print(d >= 100, os.get_inheritable(d))
os.close(d)
t(lambda: fcntl.fcntl(r, fcntl.F_GETFL, b'x' * 1025))
t(lambda: fcntl.fcntl(r, fcntl.F_GETFL, 'ab'))
t(lambda: fcntl.fcntl(r, fcntl.F_GETFL, b'abcd'))
t(lambda: fcntl.fcntl(-1, 1))
t(lambda: fcntl.fcntl(999, 1))
t(lambda: fcntl.fcntl('a', 1))
t(lambda: fcntl.fcntl(r, 'x'))
t(lambda: fcntl.fcntl(r, 1, 2.0))
t(lambda: fcntl.fcntl(r, 2**40))
t(lambda: fcntl.fcntl(r))
t(lambda: fcntl.fcntl(r, cmd=1))
t(lambda: fcntl.flock(999, fcntl.LOCK_SH))
t(lambda: fcntl.lockf(999, fcntl.LOCK_SH))
t(lambda: fcntl.lockf(r, 12))
t(lambda: fcntl.lockf(r, 0))
t(lambda: fcntl.lockf(r, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 2**70))
t(lambda: fcntl.ioctl(r, termios.FIONREAD))
os.write(w, b'12345')
t(lambda: fcntl.ioctl(r, termios.FIONREAD, b'\0\0\0\0'))
buf = bytearray(4)
t(lambda: fcntl.ioctl(r, termios.FIONREAD, buf))
print(int.from_bytes(buf, 'little'))
a = array.array('i', [0])
t(lambda: fcntl.ioctl(r, termios.FIONREAD, a))
print(a[0])
buf2 = bytearray(4)
t(lambda: fcntl.ioctl(r, termios.FIONREAD, buf2, False))
print(buf2)
t(lambda: fcntl.ioctl(r, termios.FIONREAD, b'1' * 1025))
t(lambda: fcntl.ioctl(r, termios.TIOCGWINSZ, b'\0' * 8))
t(lambda: fcntl.ioctl(r, termios.FIONREAD, 5, False))
t(lambda: fcntl.ioctl(r))
t(lambda: fcntl.ioctl(r, -1))
t(lambda: fcntl.ioctl(r, 2**33))

fd, path = tempfile.mkstemp()
os.write(fd, b'data' * 10)
with open(path, 'rb+') as f:
    fcntl.flock(f, fcntl.LOCK_EX)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
    fcntl.flock(f, fcntl.LOCK_UN)
    print(fcntl.lockf(f, fcntl.LOCK_EX))
    print(fcntl.lockf(f, fcntl.LOCK_UN))
    print(fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 4, 2, os.SEEK_SET))
    print(fcntl.lockf(f, fcntl.LOCK_UN, 4, 2))
    pid = os.fork()
    if pid == 0:
        # another process sees the flock (file locks are per open file)
        with open(path, 'rb') as g:
            try:
                fcntl.flock(g, fcntl.LOCK_EX | fcntl.LOCK_NB)
                os._exit(0)
            except BlockingIOError:
                os._exit(3)
    print('child', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
    fcntl.flock(f, fcntl.LOCK_EX)
    pid = os.fork()
    if pid == 0:
        with open(path, 'rb') as g:
            try:
                fcntl.flock(g, fcntl.LOCK_EX | fcntl.LOCK_NB)
                os._exit(0)
            except BlockingIOError as e:
                os._exit(10 + (e.errno == 11))
    print('child', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
    fcntl.flock(f, fcntl.LOCK_UN)
os.close(fd)
os.unlink(path)

import subprocess
import sys
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, pipesize=16384)
print(fcntl.fcntl(p.stdin, fcntl.F_GETPIPE_SZ), fcntl.fcntl(p.stdout, fcntl.F_GETPIPE_SZ))
print(p.communicate(b'through cat'))
