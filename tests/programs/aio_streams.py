# asyncio streams: start_server on 127.0.0.1 port 0, open_connection,
# readline/readexactly/read, drain, EOF, IncompleteReadError; loop.sock_* methods
import asyncio, socket

async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    while True:
        line = await reader.readline()
        if not line:
            break
        if line.startswith(b"big "):
            data = await reader.readexactly(int(line[4:]))
            writer.write(data.upper())
            await writer.drain()
            continue
        if line == b"quit\n":
            writer.write(b"bye\n")
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print(host, port > 0, server.is_serving())
    reader, writer = await asyncio.open_connection(host, port)
    print(writer.get_extra_info("peername") == (host, port))
    for word in (b"hello\n", b"streams\n"):
        writer.write(word)
        await writer.drain()
        print(await reader.readline())
    writer.write(b"abc\ndef\n")
    print(await reader.readexactly(4), await reader.readuntil(b"\n"))
    writer.write(b"quit\n")
    print(await reader.read())
    print(reader.at_eof())
    writer.close()
    await writer.wait_closed()
    print(writer.is_closing())
    # a second client: big payload, then half-close
    reader, writer = await asyncio.open_connection(host, port)
    payload = b"x" * 100000 + b"\n"
    writer.write(b"big %d\n" % len(payload) + payload)
    await writer.drain()
    got = await reader.readexactly(len(payload))
    print(len(got), got == payload.upper())
    writer.write_eof()
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("incomplete", e.partial, e.expected)
    writer.close()
    server.close()
    await server.wait_closed()
    print(server.is_serving())
    # the loop's socket methods on a plain non-blocking socket pair
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b"via sock_sendall")
    print(await loop.sock_recv(b, 100))
    buf = bytearray(5)
    await loop.sock_sendall(b, b"12345")
    print(await loop.sock_recv_into(a, buf), buf)
    a.close(); b.close()
    lsock = socket.create_server(("127.0.0.1", 0))
    lsock.setblocking(False)
    csock = socket.socket()
    csock.setblocking(False)
    acc = asyncio.ensure_future(loop.sock_accept(lsock))
    await loop.sock_connect(csock, lsock.getsockname())
    conn, addr = await acc
    print(addr == csock.getsockname(), conn.gettimeout())
    await loop.sock_sendall(csock, b"ping")
    print(await loop.sock_recv(conn, 10))
    for s in (conn, csock, lsock):
        s.close()
    try:
        await asyncio.open_connection(host, port)
    except ConnectionRefusedError as e:
        print("refused:", e.errno, str(e).replace(str(port), "PORT"))

asyncio.run(main())
