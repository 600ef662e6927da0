# sockets with real threads: a ThreadingTCPServer's serve_forever in a
# thread, clients in the main thread; blocking accept/recv in a thread
import socket, socketserver, threading

class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())

srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Upper)
srv.daemon_threads = True
t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
for i in range(3):
    with socket.create_connection(srv.server_address, timeout=10) as c:
        c.sendall(b"client %d\n" % i)
        print(c.makefile("rb").readline())
srv.shutdown()
srv.server_close()
t.join()
print("server stopped", t.is_alive())

# a thread blocked in recv while the main thread sends
a, b = socket.socketpair()
got = []
def reader():
    got.append(b.recv(100))
    got.append(b.recv(100))
r = threading.Thread(target=reader)
r.start()
a.sendall(b"first")
import time
time.sleep(0.05)
a.close()
r.join(10)
print(got, r.is_alive())
b.close()

# accept in a thread
lsock = socket.create_server(("127.0.0.1", 0))
accepted = []
def acceptor():
    conn, addr = lsock.accept()
    with conn:
        accepted.append(conn.recv(10))
th = threading.Thread(target=acceptor)
th.start()
with socket.create_connection(lsock.getsockname()) as c:
    c.sendall(b"hi there")
th.join(10)
lsock.close()
print(accepted)
