# socket timeouts: settimeout/gettimeout/setblocking, TimeoutError "timed out",
# BlockingIOError on non-blocking sockets, setdefaulttimeout, SOCK_NONBLOCK
import socket, time

a, b = socket.socketpair()
print(a.gettimeout(), a.getblocking(), a.timeout)
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking(), a.timeout)
t0 = time.monotonic()
try:
    a.recv(10)
except socket.timeout as e:
    print("timeout:", type(e).__name__, e, e.args, e.errno)
print("waited", time.monotonic() - t0 >= 0.04)
try:
    a.recv(10)
except TimeoutError as e:
    print("again:", repr(e))
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print("nonblocking:", e.errno, e)
b.send(b"data")
print(a.recv(10))
a.settimeout(None)
print(a.gettimeout(), a.getblocking())
a.settimeout(0)
print(a.gettimeout(), a.getblocking())
a.settimeout(2)
print(a.gettimeout())
b.send(b"ready")
print(a.recv(10))
# sendall with a timeout on a full buffer
a.settimeout(0.05)
try:
    a.sendall(b"x" * (8 << 20))
except TimeoutError as e:
    print("sendall:", e)
a.close(); b.close()

print(socket.getdefaulttimeout())
socket.setdefaulttimeout(1.5)
print(socket.getdefaulttimeout())
c = socket.socket()
print(c.gettimeout(), c.getblocking())
c.close()
socket.setdefaulttimeout(None)
c = socket.socket()
print(c.gettimeout())
c.close()
n = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(n.gettimeout(), n.type, n.getblocking())
n.close()

# accept with a timeout and a non-blocking listener
srv = socket.create_server(("127.0.0.1", 0))
srv.settimeout(0.02)
try:
    srv.accept()
except TimeoutError as e:
    print("accept:", e)
srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError as e:
    print("accept nb:", e.errno)
cl = socket.create_connection(srv.getsockname(), timeout=3)
print(cl.gettimeout())
srv.setblocking(True)
conn, addr = srv.accept()
print(conn.gettimeout(), addr == cl.getsockname())
socket.setdefaulttimeout(0.5)
conn2 = socket.create_connection(srv.getsockname())
c2, _ = srv.accept()
print(conn2.gettimeout(), c2.gettimeout())
socket.setdefaulttimeout(None)
for s in (cl, conn, conn2, c2, srv):
    s.close()
# non-blocking connect
srv = socket.create_server(("127.0.0.1", 0))
nb = socket.socket()
nb.setblocking(False)
try:
    nb.connect(srv.getsockname())
    print("connected at once")
except BlockingIOError as e:
    print("in progress", e.errno)
import select
select.select([], [nb], [], 5)
print(nb.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
nb.close(); srv.close()
for bad in (-1, float("nan"), "1", 1e300):
    try:
        socket.setdefaulttimeout(bad)
    except Exception as e:
        print(type(e).__name__, e)
