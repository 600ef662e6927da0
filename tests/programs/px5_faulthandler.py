# px5: faulthandler: dump_traceback's layout to a file and to stderr,
# enable/disable/is_enabled, the file argument errors, register/unregister
# (a dump on a signal), and the fatal-signal line of enable() in a child.
import faulthandler
import io
import os
import signal
import subprocess
import sys
import tempfile
import threading


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def masked(f):
    f.seek(0)
    return f.read().decode().replace('0x%016x' % threading.get_ident(), '0xTHREAD')


print(faulthandler.is_enabled())


def inner():
    faulthandler.dump_traceback(all_threads=False)


def outer():
    inner()


sys.stdout.flush()
outer()
faulthandler.dump_traceback(sys.stderr, False)
faulthandler.dump_traceback(file=sys.stderr.fileno(), all_threads=False)
t(lambda: faulthandler.dump_traceback(file=io.StringIO()))
t(lambda: faulthandler.dump_traceback(file='x'))
t(lambda: faulthandler.dump_traceback(file=-1))
t(lambda: faulthandler.enable(file=io.StringIO()))
t(lambda: faulthandler.enable())
print(faulthandler.is_enabled())
t(lambda: faulthandler.disable())
t(lambda: faulthandler.disable())
print(faulthandler.is_enabled())
with tempfile.TemporaryFile() as f:
    faulthandler.dump_traceback(f)
    print(masked(f))
with tempfile.TemporaryFile() as f:
    def deep(n):
        if n:
            return deep(n - 1)
        faulthandler.dump_traceback(f, all_threads=False)
    deep(120)
    text = masked(f)
    print(len(text.splitlines()), text.splitlines()[-1], text.splitlines()[1])
with tempfile.TemporaryFile() as f:
    faulthandler.enable(f)
    print(faulthandler.is_enabled())
    faulthandler.disable()
t(lambda: faulthandler.dump_traceback_later(-1))
t(lambda: faulthandler.dump_traceback_later(0))
t(lambda: faulthandler.cancel_dump_traceback_later())
t(lambda: faulthandler.register(99999))
t(lambda: faulthandler.register(signal.SIGSEGV))
t(lambda: faulthandler.unregister(signal.SIGUSR1))
with tempfile.TemporaryFile() as f:
    faulthandler.register(signal.SIGUSR1, file=f, all_threads=False)

    def here():
        os.kill(os.getpid(), signal.SIGUSR1)
        return 'back'
    print(here())
    print(masked(f))
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)

code = 'import faulthandler; faulthandler.enable(); faulthandler._sigsegv()'
r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
print(r.returncode, r.stderr.splitlines()[:1])
code = 'import faulthandler; faulthandler._sigabrt()'
r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
print(r.returncode, r.stderr)
