# tests/gen/socket-consts.py: writes cmd/pyvm/socket_consts.def on stdout,
# every integer constant of CPython's _socket module on this machine, with
# its value, one SOCK_CONST(name, value) line each, sorted by name:
#   /usr/bin/python3 tests/gen/socket-consts.py > cmd/pyvm/socket_consts.def
# socket.py turns the AF_*, SOCK_*, MSG_* and AddressInfo constants into
# IntEnums, so the names and values must be CPython's.
import _socket
names = sorted(n for n in dir(_socket)
               if not n.startswith('_') and type(getattr(_socket, n)) is int)
print("/* cmd/pyvm/socket_consts.def: the _socket module's integer constants,")
print(" * generated from CPython 3.11 on Linux by tests/gen/socket-consts.py;")
print(" * do not edit.  SOCK_CONST(name, value); included by mod_socket.c. */")
for n in names:
    print("SOCK_CONST(%s, %dLL)" % (n, getattr(_socket, n)))
