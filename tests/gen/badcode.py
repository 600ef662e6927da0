#!/usr/bin/python3
"""tests/gen/badcode.py: write binary code objects (formats/code.md) that
are well-formed at the byte level (right magic, length and CRC-32) but
invalid inside, so pydis and pyvm must reject them with a byte offset.
Written independently of libstage/codeio.c, from formats/code.md.

usage: badcode.py DIR     writes DIR/bad_*.pyc and DIR/good_min.pyc
"""
import os
import struct
import sys
import zlib

OPS = []
for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              '..', '..', 'libstage', 'opcodes.def')):
    if line.startswith('OP('):
        OPS.append(line[3:line.index(',')])


def op(name, arg=0):
    return struct.pack('<I', OPS.index(name) | arg << 8)


def uv(v):
    out = bytearray()
    while v >= 0x80:
        out.append(v & 0x7f | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def sv(v):
    return uv(v << 1 if v >= 0 else ((-v - 1) << 1) | 1)


def s(x):
    b = x.encode()
    return uv(len(b)) + b


def code(instrs, consts=(b'N',), names=(), stacksize=1, exc=b'\x00'):
    body = s('<module>') + s('<module>') + s('bad.py') + sv(1)
    body += uv(0) * 3 + uv(stacksize) + uv(0)      # counts, stacksize, flags
    body += uv(0)                                   # no locals
    body += uv(len(names)) + b''.join(s(n) for n in names)
    body += uv(len(consts)) + b''.join(consts)
    body += uv(len(instrs)) + b''.join(instrs)
    body += bytes([1]) * len(instrs)               # no positions
    body += exc
    return body


def wrap(body):
    return (b'\x7fPYC' + struct.pack('<H', 1) + b'\x19\x93\r\n\x1a\n'
            + struct.pack('<II', len(body), zlib.crc32(body)) + body)


def main():
    d = sys.argv[1]
    ok = [op('RESUME'), op('LOAD_CONST', 0), op('RETURN_VALUE')]
    cases = {
        'good_min': code(ok),
        'bad_const_index': code([op('RESUME'), op('LOAD_CONST', 5), op('RETURN_VALUE')]),
        'bad_name_index': code([op('RESUME'), op('LOAD_NAME', 0), op('RETURN_VALUE')]),
        'bad_opcode': code([op('RESUME'), struct.pack('<I', 250), op('RETURN_VALUE')]),
        'bad_jump': code([op('RESUME'), op('JUMP_FORWARD', 99), op('RETURN_VALUE')]),
        'bad_local': code([op('RESUME'), op('LOAD_FAST', 0), op('RETURN_VALUE')]),
        'bad_exctable': code(ok, exc=uv(1) + uv(2) + uv(1) + uv(0) + uv(0) + b'\x00'),
        'bad_const_tag': code(ok, consts=(b'Q',)),
        'bad_underflow': code([op('RESUME'), op('POP_TOP'), op('LOAD_CONST', 0), op('RETURN_VALUE')]),
        'bad_stacksize': code([op('RESUME'), op('LOAD_CONST', 0), op('LOAD_CONST', 0),
                               op('POP_TOP'), op('RETURN_VALUE')], stacksize=1),
        'bad_falloff': code([op('RESUME'), op('LOAD_CONST', 0), op('POP_TOP')]),
    }
    for name, body in cases.items():
        with open(os.path.join(d, name + '.pyc'), 'wb') as f:
            f.write(wrap(body))


main()
