# input(): reading sys.stdin, prompts to sys.stdout, EOF, errors
import io
import sys

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

sys.stdin = io.StringIO("first line\nsecond\n\nno newline at end")
t(input)
t(input, "prompt> ")
t(input)
t(input, 42)
t(input, "last: ")
t(input, "at eof: ")
t(input)
t(input, "a", "b")
t(input, prompt="x")

out = io.StringIO()
sys.stdin = io.StringIO("hello\nworld\n")
saved = sys.stdout
sys.stdout = out
r1 = input("P1:")
r2 = input()
sys.stdout = saved
print(repr(r1), repr(r2), repr(out.getvalue()))

sys.stdin = io.StringIO("crlf\r\nx\n")
t(input)

class Reader:
    def __init__(self):
        self.lines = ["from reader\n", ""]
    def readline(self):
        return self.lines.pop(0)
sys.stdin = Reader()
t(input, "r? ")
t(input, "r? ")
class NoReadline:
    pass
sys.stdin = NoReadline()
t(input)
sys.stdin = None
t(input)
del sys.stdin
t(input)
class P:
    def __str__(self):
        return "custom-prompt:"
sys.stdin = io.StringIO("v\n")
t(input, P())
print("done")
