# io.StringIO and io.BytesIO.
import io
s = io.StringIO()
print(s.write("hello\n"), s.write("world"), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
s = io.StringIO("a\nb\nc")
print(list(s), s.closed)
s.seek(2)
s.write("XY")
print(repr(s.getvalue()), s.truncate(3), repr(s.getvalue()))
s.close()
try:
    s.write("x")
except ValueError as e:
    print("ValueError:", e)
b = io.BytesIO(b"abc")
b.seek(0, 2)
b.write(b"def")
print(b.getvalue(), b.tell(), b.seek(1), b.read(2))
with io.StringIO("line1\nline2\n") as f:
    print(f.readlines())
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError:", e)
