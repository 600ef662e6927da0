# select.select over pipes; the module's constants and errors
import select
import os


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(select.error is OSError, select.PIPE_BUF)
r, w = os.pipe()
print(select.select([r], [w], [r, w], 0) == ([], [w], []))
os.write(w, b'data')
print(select.select([r], [w], [], 0) == ([r], [w], []))
print(select.select([r], [], [], None) == ([r], [], []))
print(select.select([r], [], [], 1.5) == ([r], [], []))
os.read(r, 100)
print(select.select([r], [], [], 0.01))
print(select.select((), (), (), 0))


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


fr = F(r)
os.write(w, b'x')
got = select.select([fr, F(w)], [fr], [], 0)
print(got[0][0] is fr, len(got[0]), got[1])
os.close(w)
print(select.select([r], [], [], 0) == ([r], [], []), os.read(r, 10), os.read(r, 10))
os.close(r)
t(lambda: select.select([], [], [], 'a'))
t(lambda: select.select([], [], [], -1))
t(lambda: select.select([-1], [], [], 0))
t(lambda: select.select(['x'], [], [], 0))
t(lambda: select.select(1, [], [], 0))
t(lambda: select.select([], [], [], None, 3))
t(lambda: select.select([], []))
t(lambda: select.select([], [], [], timeout=0))
t(lambda: select.select([99999], [], [], 0))
t(lambda: select.select([F('x')], [], [], 0))
t(lambda: select.select([F(-3)], [], [], 0))
t(lambda: select.select([], [], [], float('nan')))
t(lambda: select.select([], [], [], 1e300))
t(lambda: select.select((x for x in []), [], [], 0))
t(lambda: select.select('', [], [], 0))
t(lambda: select.select([], [], [], True))
print(sorted(n for n in dir(select) if n.startswith('POLL')))
print(select.POLLIN, select.POLLOUT, select.POLLPRI, select.POLLERR, select.POLLHUP,
      select.POLLNVAL, select.POLLRDNORM, select.POLLRDBAND, select.POLLWRNORM,
      select.POLLWRBAND, select.POLLMSG, select.POLLRDHUP)
print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLET, select.EPOLLONESHOT,
      select.EPOLL_CLOEXEC, select.EPOLLEXCLUSIVE, select.EPOLLRDHUP, select.EPOLLMSG)
