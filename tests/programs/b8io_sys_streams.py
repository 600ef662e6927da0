# sys.stdin/stdout/stderr: text and binary writes, attributes, reading at EOF.
import sys
print(sys.stdout.write('abc\n'), sys.stdout.write(''), sys.stdout.writelines(['x', 'y\n']))
sys.stdout.flush()
sys.stdout.buffer.write(b'raw bytes\n')
sys.stdout.buffer.flush()
print(sys.stdout.encoding, sys.stdin.encoding, sys.stderr.encoding, sys.stderr.errors)
print(sys.stdout.name, sys.stdin.name, sys.stderr.name, sys.stdout.mode, sys.stdin.mode)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.readable(), sys.stdin.writable())
print(sys.stdout.closed, sys.stdin.closed, sys.stdout.isatty(), sys.stdin.isatty())
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines(), list(sys.stdin))
print(repr(sys.stdin.buffer.read()))
try:
    sys.stdout.write(b'x')
except TypeError as e:
    print(e)
try:
    sys.stdout.buffer.write('x')
except TypeError as e:
    print(e)
try:
    sys.stdin.write('x')
except OSError as e:
    print(type(e).__name__, e)
print('to stderr', file=sys.stderr)
sys.stderr.write('direct\n')
sys.stderr.flush()
old = sys.stdout
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
cap = Capture()
sys.stdout = cap
print('captured', 1, 2)
print('again', end='!')
sys.stdout = old
print(cap.parts)
print('end')
