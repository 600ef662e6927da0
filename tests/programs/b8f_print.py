# print(): sep=, end=, file=, flush=, errors
import io
import sys

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("->", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print()
print(1, 2, 3)
print(1, 2, 3, sep="")
print(1, 2, 3, sep=", ", end=".\n")
print("a", "b", sep=None, end=None)
print("no newline", end="")
print(" then this")
print(*range(5), sep="-")
print(*[], sep="x", end="|\n")
print("x", sep="ignored")
print("tab", "sep", sep="\t")
print("multi\nline", "é", sep="\n")
t(print, 1, sep=5)
t(print, 1, end=5)
t(print, 1, sep=b",")
t(print, 1, foo=1)
t(print, 1, file=5)
t(print, 1, file=None)
buf = io.StringIO()
print("to", "buffer", sep="_", end="!", file=buf)
print(42, file=buf)
print(repr(buf.getvalue()))
print("flushed", flush=True)
print("flush false", flush=False)
print("flush nonbool", flush=[])
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
w = W()
print("a", "b", sep="+", file=w, flush=True)
print(w.parts)
w2 = W()
print(file=w2)
print(w2.parts)
class NoWrite:
    pass
t(print, "x", file=NoWrite())
class BadWrite:
    def write(self, s):
        raise OSError("disk full")
t(print, "x", file=BadWrite())
class NoFlush:
    def write(self, s):
        pass
t(print, "x", file=NoFlush(), flush=True)
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(S(), [S()], (S(),), {1: S()})
class BadStr:
    def __str__(self):
        return 1
t(print, BadStr())
class RaiseStr:
    def __str__(self):
        raise ValueError("str failed")
t(print, "before", RaiseStr())
print(None, True, 1.0, 1e100, -0.0, 1j, b"b", bytearray(b"ba"), ..., NotImplemented)
print("stderr line", file=sys.stderr)
print("stderr", "sep", sep="|", end="#\n", file=sys.stderr)
saved = sys.stdout
sys.stdout = io.StringIO()
print("captured")
got = sys.stdout.getvalue()
sys.stdout = saved
print(repr(got))
sys.stdout = None
print("dropped")
sys.stdout = saved
print("back")
