# file descriptor arguments out of C int range are OverflowError (CPython's
# _PyLong_AsInt, "too large" whatever the sign), never truncated to some
# other descriptor; negative ones in range reach the system call
import fcntl
import os
import select

for v in [-2**70, 2**70, 2**40, -2**40, 2**32 + 1, -1]:
    calls = [('select', lambda: select.select([v], [], [], 0)),
             ('poll', lambda: select.poll().register(v)),
             ('fcntl', lambda: fcntl.fcntl(v, fcntl.F_GETFD)),
             ('fstat', lambda: os.fstat(v)), ('close', lambda: os.close(v)),
             ('read', lambda: os.read(v, 1)), ('isatty', lambda: os.isatty(v)),
             ('lseek', lambda: os.lseek(v, 0, 0)), ('write', lambda: os.write(v, b''))]
    for name, f in calls:
        try:
            print(v, name, f())
        except Exception as e:
            print(v, name, type(e).__name__, e)
print(os.isatty(1) in (True, False), os.fstat(1).st_mode != 0)
