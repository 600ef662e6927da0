# open(): modes, encodings, newline, iteration, errors
import os
import tempfile

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = tempfile.mkdtemp()
home = os.getcwd()
os.chdir(d)
p = "f.txt"
with open(p, "w") as f:
    print(type(f).__name__, f.mode, f.closed, f.writable(), f.readable())
    print(f.write("line one\nline two\n"), f.write("ünïcode\n"))
    f.writelines(["a\n", "b\n"])
print(f.closed)
with open(p) as f:
    print(f.readline(), end="")
    print(repr(f.readline()))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
with open(p, "r", encoding="utf-8") as f:
    print([line.rstrip() for line in f])
with open(p, "rb") as f:
    data = f.read()
    print(type(f).__name__, type(data).__name__, len(data), data[:8])
with open(p, encoding="latin-1") as f:
    print(repr(f.read()[18:28]))
with open(p, "a") as f:
    f.write("appended\n")
with open(p) as f:
    print(f.read().splitlines()[-1])
with open(p, "r+") as f:
    f.write("LINE")
    f.seek(0)
    print(repr(f.read(8)), f.tell())
with open(p, "w", newline="") as f:
    f.write("crlf\r\nlf\ncr\rend")
with open(p, newline="") as f:
    print(f.readlines())
with open(p) as f:
    print(f.readlines())
with open(p, "rb") as f:
    print(f.read())
with open(p, "wb") as f:
    print(f.write(b"\x00\x01\xff"), f.write(bytearray(b"zz")))
with open(p, "rb") as f:
    print(f.read(2), f.read(), f.read())
t(open, "missing.txt")
t(open, p, "x")
t(open, p, "q")
t(open, p, "rw")
t(open, p, "rb", encoding="utf-8")
t(open, p, "rb", newline="")
t(open, p, "r", newline="x")
t(open, p, buffering="x")
t(open)
t(open, 3.5)
t(open, p, "r", -1, None, None, None, True, None, 1)
t(open, p, modee="r")
t(open, ".")
f = open(p, "w")
f.close()
t(f.write, "x")
t(f.read)
with open(p, "w") as f:
    t(f.read)
    t(f.write, b"bytes")
with open(p, "wb") as f:
    t(f.write, "str")
with open(p, "xb" if False else "w") as f:
    print(f.write("x"))
p2 = "new.txt"
with open(p2, "x") as f:
    f.write("exclusive")
t(open, p2, "x")
with open(p2, mode="r", encoding="ascii", errors="strict") as f:
    print(f.read())
os.remove(p)
os.remove(p2)
os.chdir(home)
os.rmdir(d)
print("cleaned", os.path.exists(d))
