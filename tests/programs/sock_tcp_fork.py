# A TCP echo server in a forked child; the parent connects as a client.
import os, socket, sys

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0, srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
r = repr(srv).replace(str(port), "PORT").replace("fd=%d" % srv.fileno(), "fd=N")
print(r)

pid = os.fork()
if pid == 0:
    try:
        for _ in range(2):
            conn, addr = srv.accept()
            with conn:
                while True:
                    data = conn.recv(1024)
                    if not data:
                        break
                    conn.sendall(data.upper())
    finally:
        os._exit(0)
srv.close()

c = socket.create_connection((host, port))
print(c.getpeername() == (host, port), c.getsockname()[0])
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
c.sendall(b"hello tcp")
print(c.recv(100))
big = b"x" * 200000
c.sendall(big)
c.shutdown(socket.SHUT_WR)
got = b""
while True:
    d = c.recv(65536)
    if not d:
        break
    got += d
print(len(got), got == big.upper())
c.close()

# connect_ex and an IPv4 tuple through getaddrinfo
infos = socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_STREAM)
fam, typ, proto, canon, sa = infos[0]
print(fam, typ, proto, repr(canon), sa == (host, port))
s = socket.socket(fam, typ, proto)
print(s.connect_ex(sa))
s.send(b"second")
s.shutdown(socket.SHUT_WR)
print(s.recv(100), s.recv(100))
s.close()
_, status = os.waitpid(pid, 0)
print("child status", status)
