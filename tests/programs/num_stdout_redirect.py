import sys
out = sys.stdout
class Tee:
    def __init__(self): self.buf = []
    def write(self, s): self.buf.append(s); return len(s)
    def flush(self): pass
t = Tee()
sys.stdout = t
print('captured', 1, 2)
print('more', end='')
sys.stdout = out
print(t.buf)
sys.stderr = t
print('to err', file=sys.stderr)
sys.stderr = sys.__stderr__
print(t.buf[-2:])
import io
buf = io.StringIO()
print('into stringio', 42, file=buf); print(repr(buf.getvalue()))
sys.stdout = io.StringIO(); print('hidden'); s = sys.stdout.getvalue(); sys.stdout = sys.__stdout__; print(repr(s))
