# asyncio transports and protocols: create_server/create_connection with
# Protocol classes, datagram endpoints, unix servers, connection_lost order
import asyncio, os, socket, tempfile

class EchoServer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        events.append(("server made", type(transport).__name__))
    def data_received(self, data):
        self.transport.write(data[::-1])
    def eof_received(self):
        events.append(("server eof",))
        return False
    def connection_lost(self, exc):
        events.append(("server lost", exc))

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.got = b""
    def connection_made(self, transport):
        transport.write(b"abcdef")
        transport.write_eof()
    def data_received(self, data):
        self.got += data
    def connection_lost(self, exc):
        events.append(("client lost", self.got, exc))
        self.done.set_result(self.got)

class Datagram(asyncio.DatagramProtocol):
    def __init__(self, name, fut=None):
        self.name, self.fut = name, fut
    def connection_made(self, transport):
        self.transport = transport
    def datagram_received(self, data, addr):
        events.append((self.name, data))
        if self.fut is None:
            self.transport.sendto(data.upper(), addr)
        else:
            self.fut.set_result(data)

events = []

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, proto = await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    print(await done)
    await asyncio.sleep(0.01)
    server.close()
    await server.wait_closed()
    tr, _ = await loop.create_datagram_endpoint(lambda: Datagram("udp server"),
                                                local_addr=("127.0.0.1", 0))
    addr = tr.get_extra_info("sockname")
    fut = loop.create_future()
    ctr, _ = await loop.create_datagram_endpoint(lambda: Datagram("udp client", fut),
                                                 remote_addr=addr)
    ctr.sendto(b"dgram")
    print(await asyncio.wait_for(fut, 10))
    tr.close()
    ctr.close()
    d = tempfile.mkdtemp()
    path = os.path.join(d, "s")
    async def handler(r, w):
        w.write((await r.read()).upper())
        await w.drain()
        w.close()
    userver = await asyncio.start_unix_server(handler, path)
    r, w = await asyncio.open_unix_connection(path)
    w.write(b"over a unix socket")
    w.write_eof()
    print(await r.read())
    w.close()
    await w.wait_closed()
    userver.close()
    await userver.wait_closed()
    os.rmdir(d) if not os.path.exists(path) else (os.unlink(path), os.rmdir(d))
    for e in events:
        print(e)

asyncio.run(main())
