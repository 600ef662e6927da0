# PYTHONWARNINGS and -W fill sys.warnoptions (split at commas), which warnings
# applies; with 'error' the traceback has no warnings.py frames (C code in
# CPython); stacklevel and print_stack count frames as CPython does
import os
import subprocess
import sys
import traceback
import warnings

code = 'import sys, warnings\nprint(sys.warnoptions)\nwarnings.warn("x")\nprint("after")\n'
for value in ['error', 'ignore', 'error, ignore,,default::DeprecationWarning', 'bogus', '']:
    env = dict(os.environ, PYTHONWARNINGS=value)
    p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=env)
    print(repr(value), p.returncode)
    print(p.stdout + p.stderr, end='')
for opts in [['-W', 'error'], ['-Wignore', '-W', 'error::UserWarning'], ['-u', '-W', 'ignore']]:
    env = dict(os.environ, PYTHONWARNINGS='default')
    p = subprocess.run([sys.executable] + opts + ['-c', code], capture_output=True, text=True,
                       env=env)
    print(opts, p.returncode)
    print(p.stdout + p.stderr, end='')


def f():
    warnings.warn('inner')
    warnings.warn('outer', stacklevel=2)


def g():
    f()


g()
warnings.warn('top')


def h():
    traceback.print_stack()


h()
