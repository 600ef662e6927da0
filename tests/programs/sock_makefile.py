# socket.makefile: buffered binary and text files over a socket (SocketIO)
import socket, io

a, b = socket.socketpair()
w = a.makefile("wb")
r = b.makefile("rb")
print(type(w).__name__, type(r).__name__, w.name == a.fileno(), r.mode)
w.write(b"line one\nline two\n")
w.write(b"partial")
w.flush()
print(r.readline(), r.readline())
print(r.read(3), r.peek(1)[:1] if hasattr(r, "peek") else None)
w.write(b" rest\n")
w.flush()
print(r.readline())
print(type(r.raw).__name__, r.raw.readable(), r.raw.writable(), r.raw.seekable())

tw = a.makefile("w", encoding="utf-8", newline="\n")
tr = b.makefile("r", encoding="utf-8")
print(type(tw).__name__, tw.encoding, tr.mode)
tw.write("héllo\nwörld\n")
tw.flush()
print(repr(tr.readline()), repr(tr.readline()))
print(tw.name == a.fileno())

rw = a.makefile("rwb", buffering=0)
print(type(rw).__name__, rw.readable(), rw.writable())
rw.write(b"unbuffered")
print(b.recv(100))
b.sendall(b"back")
print(rw.read(4))

# closing the files keeps the socket open until the socket itself closes
for f in (w, r, tw, tr, rw):
    f.close()
print(a.fileno() >= 0, a._io_refs)
a.sendall(b"still open")
print(b.recv(100))
a.close()
print(a.fileno(), b.recv(10))
# reading from a closed peer: EOF
rf = b.makefile("rb")
print(rf.read())
rf.close()
b.close()
try:
    rf.read()
except ValueError as e:
    print("ValueError", e)
# with a makefile open, close() defers until the file closes
c, d = socket.socketpair()
f = c.makefile("wb")
c.close()
print(c._closed, c.fileno() >= 0)
f.write(b"after close")
f.close()
print(c.fileno(), d.recv(100))
d.close()
try:
    a.makefile("x")
except ValueError as e:
    print(e)
