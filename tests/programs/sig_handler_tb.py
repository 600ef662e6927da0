# An uncaught exception from a handler that ran at os.kill inside nested
# calls: the traceback has the calls, then the handler's own frames; an
# exception the handler raises while handling another is chained to it.
import os
import signal


def helper(signum):
    raise LookupError('signal %d' % signum)


def handler(signum, frame):
    try:
        {}['missing']
    except KeyError:
        helper(signum)


signal.signal(signal.SIGUSR1, handler)


def outer():
    return middle() + 1


def middle():
    os.kill(os.getpid(), signal.SIGUSR1)
    return 1


print('start')
outer()
