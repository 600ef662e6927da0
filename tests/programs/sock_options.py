# socket options as ints and as bytes, the family/type/proto detection of
# socket(fileno=...), AF_UNIX addresses (paths, abstract names), IntEnum'd
# attributes of accepted sockets
import os, socket, struct, tempfile

s = socket.socket()
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE), s.getsockopt(socket.SOL_SOCKET, socket.SO_DOMAIN))
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 5))
raw = s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)
print(type(raw).__name__, len(raw), struct.unpack("ii", raw))
s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) >= 65536)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 4))
s.bind(("127.0.0.1", 0))
s.listen(5)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
t = socket.socket(fileno=os.dup(s.fileno()))
print(t.family, t.type, t.proto, t.getsockname() == s.getsockname())
t.close()
c = socket.create_connection(s.getsockname())
conn, addr = s.accept()
print(repr(conn.family), repr(conn.type), conn.proto, type(addr).__name__)
print(conn.getsockname() == c.getpeername(), conn.getpeername() == c.getsockname())
for x in (c, conn, s):
    x.close()

d = tempfile.mkdtemp()
path = os.path.join(d, "sock")
u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
u.bind(path)
u.listen()
print(u.getsockname() == path, os.path.exists(path))
v = socket.socket(socket.AF_UNIX)
v.connect(path)
w, addr = u.accept()
print(repr(addr), v.getpeername() == path, w.getsockname() == path)
w.sendall(b"over unix")
print(v.recv(100))
for x in (u, v, w):
    x.close()
os.unlink(path)
os.rmdir(d)
ab = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
ab.bind(b"\0pyvm-test-abstract-%d" % os.getpid())
print(ab.getsockname().startswith(b"\0pyvm-test-abstract-"))
ab.close()
with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as p:
    print(p.getsockname(), repr(p.family))
print(p._closed, p.fileno())
try:
    socket.socket(socket.AF_UNIX).bind(b"\0" * 200)
except OSError as e:
    print(e)
