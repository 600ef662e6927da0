# UDP on 127.0.0.1 and ::1-free IPv4 only: sendto/recvfrom/recvfrom_into,
# connect on a datagram socket, selectors, socketserver.UDPServer in a child
import os, selectors, socket, socketserver

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b.bind(("127.0.0.1", 0))
print(a.type, a.proto, a.getsockname()[0])
print(a.sendto(b"datagram one", b.getsockname()))
data, addr = b.recvfrom(100)
print(data, addr == a.getsockname())
buf = bytearray(20)
a.sendto(b"into", b.getsockname())
n, addr = b.recvfrom_into(buf)
print(n, bytes(buf[:n]), addr == a.getsockname())
a.sendto(b"truncated datagram", b.getsockname())
print(b.recv(5))
b.connect(a.getsockname())
b.send(b"connected")
print(a.recvfrom(100)[0], b.getpeername() == a.getsockname())
msg = [b"scatter", b"-", b"gather"]
print(b.sendmsg(msg))
data, anc, flags, addr = a.recvmsg(100)
print(data, anc, flags, addr == b.getsockname())
b.sendto(b"xyz", a.getsockname())
parts = [bytearray(2), bytearray(5)]
print(a.recvmsg_into(parts)[0], parts)

sel = selectors.DefaultSelector()
print(type(sel).__name__)
sel.register(a, selectors.EVENT_READ, "reader a")
print(sel.select(timeout=0))
b.send(b"wake")
events = sel.select(timeout=5)
print([(key.data, mask) for key, mask in events])
print(a.recv(10))
sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, "rw")
print([(key.data, mask) for key, mask in sel.select(timeout=5)])
sel.unregister(a)
print(len(sel.get_map()))
sel.close()
a.close(); b.close()

class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data.upper(), self.client_address)

srv = socketserver.UDPServer(("127.0.0.1", 0), Echo)
addr = srv.server_address
pid = os.fork()
if pid == 0:
    try:
        srv.handle_request()
        srv.handle_request()
    finally:
        os._exit(0)
srv.server_close()
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.settimeout(10)
for word in (b"first", b"second"):
    c.sendto(word, addr)
    print(c.recvfrom(100)[0])
c.close()
print(os.waitpid(pid, 0)[1])

class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())

srv = socketserver.TCPServer(("127.0.0.1", 0), Upper)
pid = os.fork()
if pid == 0:
    try:
        srv.handle_request()
    finally:
        os._exit(0)
srv.server_close()
with socket.create_connection(srv.server_address) as c:
    f = c.makefile("rwb")
    f.write(b"tcp line one\ntcp line two\n")
    f.flush()
    print(f.readline(), f.readline())
    c.shutdown(socket.SHUT_WR)
    print(f.read())
    f.close()
print(os.waitpid(pid, 0)[1])
