# the default sys.unraisablehook's text (written to sys.stderr, here a
# StringIO; the first line carries an address, so only its start is shown)
import sys, io, gc

class Bad:
    def __del__(self):
        self.helper()
    def helper(self):
        return 1 / 0

def capture(fn):
    old = sys.stderr
    sys.stderr = io.StringIO()
    try:
        fn()
    finally:
        text = sys.stderr.getvalue()
        sys.stderr = old
    lines = text.splitlines()
    if lines:
        print(lines[0].split(' at 0x')[0])
    for line in lines[1:]:
        print(line)
    print('--')

def drop():
    Bad()
capture(drop)

def cycle():
    b = Bad()
    b.me = b
    del b
    gc.collect()
capture(cycle)

def chained():
    class Ch:
        def __del__(self):
            try:
                {}['k']
            except KeyError:
                raise ValueError('while handling')
    Ch()
capture(chained)

def gen_fail():
    def g():
        try:
            yield 1
        finally:
            raise OSError(5, 'gen close failed')
    it = g()
    next(it)
    del it
capture(gen_fail)

def ok():
    class Fine:
        def __del__(self):
            print('fine del')
    Fine()
capture(ok)

# sys.stderr = None: nothing is written, nothing fails
sys.stderr, old = None, sys.stderr
Bad()
sys.stderr = old
print('end')
