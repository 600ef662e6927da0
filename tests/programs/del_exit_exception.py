# an uncaught exception: its traceback is printed, then the finalizers of the
# frame locals it kept and of the globals run
import sys
class C:
    def __del__(self): print('del C', file=sys.stderr); print('del C out')
c = C()
def f():
    local = C()
    raise ValueError('x')
f()
