# Handlers run inside whatever is running when the signal arrives: a
# generator, a comprehension, a method, a nested handler call; the frame
# argument is that frame.
import os
import signal

frames = []


def h(signum, frame):
    frames.append((frame.f_code.co_name, frame.f_lineno - first))


first = 0
signal.signal(signal.SIGUSR1, h)
first = h.__code__.co_firstlineno


def gen():
    for i in range(3):
        os.kill(os.getpid(), signal.SIGUSR1)
        yield i


print(list(gen()), frames)
frames.clear()
print([os.kill(os.getpid(), signal.SIGUSR1) for _ in range(2)], frames)
frames.clear()


class C:
    def m(self):
        os.kill(os.getpid(), signal.SIGUSR1)
        return 'm'


print(C().m(), frames)
frames.clear()


def raiser(signum, frame):
    raise ValueError('from handler in %s' % frame.f_code.co_name)


signal.signal(signal.SIGUSR2, raiser)


def g2():
    yield 1
    os.kill(os.getpid(), signal.SIGUSR2)
    yield 2


it = g2()
print(next(it))
try:
    next(it)
except ValueError as e:
    print('ValueError', e)
print(list(it))
try:
    sorted([3, 1, 2], key=lambda x: os.kill(os.getpid(), signal.SIGUSR2) or x)
except ValueError as e:
    print('ValueError', e)
