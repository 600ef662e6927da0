# px5: termios on a pipe (termios.error) and on a pseudo-terminal (tcgetattr,
# tcsetattr, winsize, tty.setraw/setcbreak), os.openpty, pty.openpty, pty.fork.
import os, sys, termios, tty, pty, fcntl, struct, select

def t(f):
    try:
        r = f()
        print('ok', r if not isinstance(r, (list, tuple)) or len(r) < 4 else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

r, w = os.pipe()
t(lambda: termios.tcgetattr(r))
t(lambda: termios.tcsetattr(r, termios.TCSANOW, [0] * 7))
t(lambda: termios.tcdrain(r))
t(lambda: termios.tcflush(r, termios.TCIFLUSH))
t(lambda: termios.tcflow(r, termios.TCOON))
t(lambda: termios.tcsendbreak(r, 0))
t(lambda: termios.tcgetwinsize(r))
t(lambda: termios.tcgetattr(-1))
t(lambda: termios.tcgetattr('x'))
t(lambda: termios.tcgetattr())
t(lambda: termios.tcflush(r))
print(termios.error.__mro__, termios.error.__module__)
try:
    termios.tcgetattr(r)
except termios.error as e:
    print('args', e.args, e.args[0] == 25)
print(issubclass(termios.error, OSError))
print(termios.B9600, termios.TCSANOW, termios.TCSADRAIN, termios.TCSAFLUSH, termios.ECHO,
      termios.ICANON, termios.VMIN, termios.VTIME, termios.NCCS, termios.TIOCGWINSZ,
      termios.VSWTCH == termios.VSWTC, termios.CS8)

m, s = os.openpty()
print(os.isatty(m), os.isatty(s), os.get_inheritable(m), os.get_inheritable(s))
print(os.ttyname(s).startswith('/dev/pts/'))
a = termios.tcgetattr(s)
print(len(a), len(a[6]), all(isinstance(x, int) for x in a[:6]), type(a[6][0]))
t(lambda: termios.tcsetattr(s, termios.TCSANOW, a[:5]))
t(lambda: termios.tcsetattr(s, termios.TCSANOW, 5))
t(lambda: termios.tcsetattr(s, termios.TCSANOW, a[:6] + [[1] * 5]))
t(lambda: termios.tcsetattr(s, termios.TCSANOW, a[:6] + [[1.0] * termios.NCCS]))
t(lambda: termios.tcsetattr(s, 99, a))
t(lambda: termios.tcsetattr(s, termios.TCSANOW, a))
print(termios.tcgetwinsize(s))
termios.tcsetwinsize(s, (30, 100))
print(termios.tcgetwinsize(s), os.get_terminal_size(s))
t(lambda: termios.tcsetwinsize(s, 5))
t(lambda: termios.tcsetwinsize(s, (1,)))
packed = fcntl.ioctl(s, termios.TIOCGWINSZ, b'\0' * 8)
print(struct.unpack('HHHH', packed))
buf = bytearray(8)
print(fcntl.ioctl(s, termios.TIOCGWINSZ, buf), struct.unpack('HHHH', buf))
# raw mode: VMIN/VTIME become ints
tty.setraw(s)
b = termios.tcgetattr(s)
print(b[3] & termios.ICANON, b[3] & termios.ECHO, type(b[6][termios.VMIN]), b[6][termios.VMIN])
termios.tcsetattr(s, termios.TCSANOW, a)
print(termios.tcgetattr(s)[3] & termios.ICANON != 0)
tty.setcbreak(s)
print(termios.tcgetattr(s)[3] & termios.ICANON)
termios.tcsetattr(s, termios.TCSANOW, a)
# data through the pty: master -> slave (canonical: a line)
os.write(m, b'hello pty\n')
print(os.read(s, 100))
os.write(s, b'back\n')
got = b''
while b'back' not in got:
    select.select([m], [], [], 5)
    got += os.read(m, 100)
print(got)
termios.tcflush(s, termios.TCIOFLUSH)
termios.tcdrain(s)
os.close(m); os.close(s)

mm, ss = pty.openpty()
print(os.isatty(mm), os.isatty(ss))
os.close(mm); os.close(ss)

pid, fd = pty.fork()
if pid == 0:
    print('child', os.isatty(0), os.isatty(1))
    sys.stdout.flush()
    os._exit(7)
out = b''
while True:
    try:
        d = os.read(fd, 1024)
    except OSError:
        break
    if not d:
        break
    out += d
_, st = os.waitpid(pid, 0)
print(out.replace(b'\r\n', b'\n'), os.waitstatus_to_exitcode(st))
os.close(fd)
t(lambda: os.login_tty(999))
t(lambda: os.ttyname(r))
t(lambda: os.ttyname(999))
t(lambda: os.tcgetpgrp(r))
t(lambda: os.get_terminal_size(r))
print(os.ctermid())
