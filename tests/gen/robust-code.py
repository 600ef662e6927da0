#!/usr/bin/python3
"""tests/gen/robust-code.py: write corrupted binary code objects for
tests/robust.bats, each of which pyvm and pydis must reject (exit 2, a
message naming the byte offset and the kind of damage), never run.

usage: tests/gen/robust-code.py BINDIR

Compiles tests/cases/robust/code/base.py with BINDIR's pipeline (pytok ..
pyasm) into base.pyc, then parses that file (from formats/code.md, not
from libstage/codeio.c) to find where every field is, and writes
tests/cases/robust/code/NAME.pyc, one per kind of damage: bit flips,
truncations, bad constant/name/local/cell indexes, jump targets out of
range, inconsistent or overflowing stack depths, bad nested code objects,
a bad checksum, huge counts.  Unless the case is about the header or the
checksum, the header's length and CRC-32 are recomputed so that the inner
checks are what must catch it.

tests/cases/robust/code/cases.txt lists, one per line,
    NAME<TAB>OFFSET<TAB>PATTERN
OFFSET: the byte offset the message must name ("byte OFFSET"), or "-" when
the place is up to the verifier (e.g. where a stack walk notices); PATTERN:
an extended regex (grep -E) the message must match, naming the kind.

Note: jump arguments are instruction indices (formats/instructions.md), not
byte offsets, so a jump "into the middle of an instruction" cannot be
written; the nearest damage, a jump to an instruction reached with another
stack depth, is case jump_depth_mismatch.
"""
import os
import struct
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
OUT = os.path.join(ROOT, 'tests', 'cases', 'robust', 'code')

OPS = []
for line in open(os.path.join(ROOT, 'libstage', 'opcodes.def')):
    if line.startswith('OP('):
        OPS.append(line[3:line.index(',')])


def uv(v):
    out = bytearray()
    while v >= 0x80:
        out.append(v & 0x7f | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


class Code:
    """Byte offsets (in the whole file) of one code object's fields."""


class Parser:
    def __init__(self, data):
        self.d = data
        self.p = 20
        self.codes = []        # every code object, module first

    def byte(self):
        b = self.d[self.p]
        self.p += 1
        return b

    def uv(self):
        v, shift = 0, 0
        while True:
            b = self.byte()
            v |= (b & 0x7f) << shift
            shift += 7
            if not b & 0x80:
                return v

    def field(self):
        """(offset, value) of a uv."""
        at = self.p
        return at, self.uv()

    def bytes_(self):
        n = self.uv()
        s = self.d[self.p:self.p + n]
        self.p += n
        return s

    def const(self, co):
        at = self.p
        tag = chr(self.byte())
        if tag in 'NTFE':
            pass
        elif tag in 'isb':
            self.bytes_()
        elif tag == 'f':
            self.p += 8
        elif tag == 'x':
            self.p += 16
        elif tag in 'tz':
            for _ in range(self.uv()):
                self.const(co)
        elif tag == 'c':
            co.nested.append(self.code())
        else:
            raise ValueError('tag %r' % tag)
        return at, tag

    def code(self):
        co = Code()
        self.codes.append(co)
        co.at = self.p
        co.name = self.bytes_().decode()
        self.bytes_()
        self.bytes_()
        self.uv()                                   # firstlineno
        co.argcount_at, co.argcount = self.field()
        co.posonly_at, _ = self.field()
        self.uv()                                   # kwonly
        co.stacksize_at, co.stacksize = self.field()
        self.uv()                                   # flags
        co.nlocals_at, co.nlocals = self.field()
        co.kinds = []
        for _ in range(co.nlocals):
            self.bytes_()
            co.kinds.append((self.p, self.byte()))
        co.nnames_at, co.nnames = self.field()
        for _ in range(co.nnames):
            self.bytes_()
        co.nconsts_at, co.nconsts = self.field()
        co.nested = []
        co.consts = [self.const(co) for _ in range(co.nconsts)]
        co.ncode_at, co.ncode = self.field()
        co.code_at = self.p
        co.instrs = []
        for i in range(co.ncode):
            w = struct.unpack_from('<I', self.d, self.p)[0]
            co.instrs.append((self.p, OPS[w & 0xff], w >> 8))
            self.p += 4
        co.pos_at = self.p
        for _ in range(co.ncode):
            t = self.byte()
            if t == 2:
                for _ in range(4):
                    self.uv()
        co.nexc_at, co.nexc = self.field()
        co.exc = []
        for _ in range(co.nexc):
            e = [self.field() for _ in range(4)]
            e.append((self.p, self.byte()))
            co.exc.append(e)
        return co


def seal(body):
    """A whole file around body, with the right length and CRC-32."""
    return (b'\x7fPYC' + struct.pack('<H', 1) + b'\x19\x93\r\n\x1a\n'
            + struct.pack('<II', len(body), zlib.crc32(body)) + body)


def main():
    bindir = sys.argv[1]
    src = os.path.join(OUT, 'base.py')
    bindir = os.path.abspath(bindir)
    data = subprocess.run([os.path.join(bindir, 'pytok'), 'base.py'], cwd=OUT,
                          stdout=subprocess.PIPE, check=True).stdout
    for tool in ('pyparse', 'pyast', 'pysym', 'pycfg', 'pyasm'):
        data = subprocess.run([os.path.join(bindir, tool)], input=data,
                              stdout=subprocess.PIPE, check=True).stdout
    base = data
    with open(os.path.join(OUT, 'base.pyc'), 'wb') as f:
        f.write(base)
    ps = Parser(base)
    mod = ps.code()
    assert ps.p == len(base), 'base.pyc does not parse'
    body = bytearray(base[20:])
    cases = []

    def inner(edit, name, off, pat):
        """A corruption of the body; length and CRC recomputed."""
        b = bytearray(body)
        edit(b)
        cases.append((name, seal(bytes(b)), off, pat))

    def raw(name, data, off, pat):
        cases.append((name, data, off, pat))

    def B(off):                     # file offset -> body index
        return off - 20

    def set_word(b, at, op, arg):
        struct.pack_into('<I', b, B(at), OPS.index(op) | arg << 8)

    def splice(b, at, old_len, new):
        b[B(at):B(at) + old_len] = new

    def first(co, *ops):
        for at, op, arg in co.instrs:
            if op in ops:
                return at, op, arg
        raise ValueError('no %s in %s' % (ops, co.name))

    funcs = {c.name: c for c in ps.codes}
    add, make, innerf = funcs['add'], funcs['make'], funcs['inner']

    # --- header and checksum (the CRC is what catches a random flip) ---
    flipped = bytearray(base)
    flipped[len(base) // 2] ^= 0x10
    raw('bitflip_body', bytes(flipped), 16, 'checksum')
    flipped = bytearray(base)
    flipped[17] ^= 0x01
    raw('bad_checksum', bytes(flipped), 16, 'checksum')
    raw('truncated_half', base[:len(base) // 2], len(base) // 2, 'truncated')
    raw('truncated_last_byte', base[:-1], len(base) - 1, 'truncated')
    raw('truncated_header', base[:11], 11, 'truncated header')
    raw('trailing_garbage', base + b'\0junk', len(base), 'trailing garbage')
    raw('bad_magic', b'\x7fPYD' + base[4:], 0, 'magic')
    raw('bad_version', base[:4] + b'\x09\x00' + base[6:], 4, 'version')
    raw('crlf_sentinel', base[:8] + b'\n' + base[10:], 6, 'sentinel')
    raw('huge_body_length', base[:12] + struct.pack('<I', 0xffffffff) + base[16:],
        len(base), 'truncated')

    # --- indexes ---
    at, op, _ = first(mod, 'LOAD_CONST')
    inner(lambda b: set_word(b, at, 'LOAD_CONST', mod.nconsts), 'const_index', at,
          'constant index %d out of range' % mod.nconsts)
    at, op, _ = first(mod, 'LOAD_NAME', 'STORE_NAME')
    inner(lambda b: set_word(b, at, op, 0xffffff), 'name_index_huge', at,
          'name index %d out of range' % 0xffffff)
    at, op, _ = first(add, 'LOAD_FAST', 'STORE_FAST')
    inner(lambda b: set_word(b, at, op, add.nlocals), 'local_index', at,
          'local index %d out of range' % add.nlocals)
    at, op, arg = first(add, 'LOAD_FAST')
    inner(lambda b: set_word(b, at, 'LOAD_DEREF', arg), 'deref_not_cell', at,
          'not a cell or free variable')
    at, op, arg = first(mod, 'STORE_NAME')
    inner(lambda b: set_word(b, at, 'KW_NAMES', 0), 'kw_names_not_tuple', at,
          'KW_NAMES needs a tuple of str')

    # --- instructions ---
    at, op, arg = first(add, 'POP_JUMP_FORWARD_IF_FALSE', 'POP_JUMP_FORWARD_IF_TRUE',
                        'POP_JUMP_IF_FALSE', 'POP_JUMP_IF_TRUE')
    inner(lambda b: set_word(b, at, op, add.ncode), 'jump_out_of_range', at,
          'jump target %d out of range' % add.ncode)
    ja, jop, jarg = at, op, arg
    # a jump back to the COMPARE_OP, reached with two values on the stack,
    # from the jump, which leaves none
    cmp_index = [i for i, w in enumerate(add.instrs) if w[1] == 'COMPARE_OP'][0]
    inner(lambda b: set_word(b, ja, jop, cmp_index), 'jump_depth_mismatch', '-',
          'inconsistent stack depth|stack underflow|stack depth')
    at = add.instrs[0][0]
    inner(lambda b: struct.pack_into('<I', b, B(at), 0xfe), 'invalid_opcode', at,
          'invalid opcode 254')
    at, op, arg = first(mod, 'POP_TOP', 'RETURN_VALUE')
    inner(lambda b: set_word(b, at, op, 7), 'arg_to_no_arg_op', at,
          'takes no argument')
    at, op, arg = first(add, 'COMPARE_OP')
    inner(lambda b: set_word(b, at, 'COMPARE_OP', 99), 'bad_comparison', at,
          'bad comparison 99')
    at, op, arg = first(add, 'BINARY_OP')
    inner(lambda b: set_word(b, at, 'BINARY_OP', 200), 'bad_binary_operator', at,
          'bad operator 200')
    at, op, arg = first(mod, 'LOAD_CONST', 'LOAD_NAME', 'PUSH_NULL')
    inner(lambda b: set_word(b, at, 'NOP', 0), 'stack_underflow', '-',
          'stack underflow')
    inner(lambda b: splice(b, mod.stacksize_at, 1, uv(1)), 'stacksize_too_small', '-',
          'exceeds the stack size|outside 0\\.\\.1')
    last = mod.instrs[-1][0]
    inner(lambda b: set_word(b, last, 'NOP', 0), 'falls_off_the_end', last,
          'runs off the end')
    at, op, arg = first(mod, 'COPY', 'SWAP', 'NOP')
    at = mod.instrs[0][0]
    inner(lambda b: set_word(b, at, 'COPY', 0), 'copy_zero', at, 'at least 1')

    # --- nested code objects: the same checks one and two levels down ---
    at, op, _ = first(innerf, 'LOAD_DEREF')
    inner(lambda b: set_word(b, at, 'LOAD_DEREF', innerf.nlocals + 3), 'nested2_deref_index',
          at, 'not a cell or free variable')
    at, op, _ = first(make, 'LOAD_CONST')
    inner(lambda b: set_word(b, at, 'LOAD_CONST', 0xfff), 'nested_const_index', at,
          'constant index 4095 out of range')
    kat, _ = make.kinds[0]
    inner(lambda b: b.__setitem__(B(kat), 0x10), 'nested_bad_local_kind', kat, 'bad kind 0x10')
    inner(lambda b: splice(b, add.argcount_at, 1, uv(9)), 'nested_more_params_than_locals',
          add.at, 'parameters but')
    inner(lambda b: splice(b, add.posonly_at, 1, uv(add.argcount + 1)),
          'nested_posonly_over_argcount', add.at, 'posonlyargcount')
    inner(lambda b: splice(b, add.ncode_at, 1, uv(0)), 'nested_no_instructions', add.ncode_at,
          'no instructions')

    # --- huge counts and bad encodings ---
    inner(lambda b: splice(b, mod.nconsts_at, 1, uv(1 << 62)), 'huge_const_count',
          mod.nconsts_at, 'number of constants [0-9]+ out of range')
    inner(lambda b: splice(b, mod.nlocals_at, 1, uv(0x7fffffff)), 'huge_local_count',
          mod.nlocals_at, 'number of locals [0-9]+ out of range')
    inner(lambda b: splice(b, add.ncode_at, 1, uv(1 << 40)), 'nested_huge_code_count',
          add.ncode_at, 'number of instructions [0-9]+ out of range')
    inner(lambda b: splice(b, mod.stacksize_at, 1, b'\xff' * 10 + b'\x01'), 'varint_too_long',
          mod.stacksize_at, 'integer too long')
    inner(lambda b: splice(b, mod.stacksize_at, 1, uv(1 << 30)), 'huge_stacksize',
          mod.stacksize_at, 'co_stacksize [0-9]+ out of range')
    cat, tag = mod.consts[0]
    inner(lambda b: b.__setitem__(B(cat), ord('q')), 'bad_const_tag', cat,
          'unknown constant tag 0x71')
    inner(lambda b: b.__setitem__(B(mod.pos_at), 7), 'bad_position_tag', mod.pos_at,
          'bad position tag 7')

    # --- exception table ---
    e = mod.exc[0]
    eat = e[0][0]
    inner(lambda b: splice(b, e[2][0], 1, uv(mod.ncode + 5)), 'exc_handler_out_of_range',
          e[2][0], 'exception handler [0-9]+ out of range')
    inner(lambda b: splice(b, e[3][0], 1, uv(mod.stacksize + 3)), 'exc_depth_over_stacksize',
          e[3][0], 'exception depth [0-9]+ out of range')
    inner(lambda b: splice(b, e[1][0], 1, uv(e[0][1])), 'exc_empty_range', eat,
          'empty exception range')
    inner(lambda b: b.__setitem__(B(e[4][0]), 2), 'exc_bad_lasti', eat, 'bad lasti flag 2')

    # --- NULL slots and handler depths (the verifier's NULL tracking) ---
    i_null = [i for i, w in enumerate(mod.instrs) if w[1] == 'PUSH_NULL'][0]
    (a0, o0, g0), (a1, o1, g1) = mod.instrs[i_null], mod.instrs[i_null + 1]

    def swap_null(b):               # callable, NULL, args: the NULL is "called"
        set_word(b, a0, o1, g1)
        set_word(b, a1, o0, g0)
    inner(swap_null, 'null_read_by_call', '-', 'reads a NULL stack slot')
    inner(lambda b: set_word(b, a1, 'GET_ITER', 0), 'null_read_by_get_iter', a1,
          'GET_ITER: reads a NULL stack slot')
    # (a larger stacksize too, so that only the depth at the covered
    # instructions is wrong)
    inner(lambda b: (splice(b, e[3][0], 1, uv(1)), splice(b, mod.stacksize_at, 1, uv(16))),
          'exc_depth_above_the_stack', '-',
          'stack depth 0 is below the depth 1 of its exception handler')

    # --- verified, but wrong at run time: pyvm raises SystemError, exit 1 ---
    runtime = []

    def rt(edit, name, pat):
        b = bytearray(body)
        edit(b)
        runtime.append((name, seal(bytes(b)), pat))
    at = mod.instrs[1][0]           # LOAD_CONST <code add> before MAKE_FUNCTION
    assert mod.instrs[2][1] == 'MAKE_FUNCTION'
    int_const = [k for k, (_, tag) in enumerate(mod.consts) if tag == 'i'][0]
    rt(lambda b: set_word(b, at, 'LOAD_CONST', int_const), 'rt_make_function_not_code',
       'SystemError: MAKE_FUNCTION: expected a code object')
    mf = mod.instrs[2][0]
    # flags 8: the closure is the value below: LOAD_CONST 3 before, not a tuple
    rt(lambda b: (set_word(b, mod.instrs[0][0], 'LOAD_CONST', int_const),
                  set_word(b, mf, 'MAKE_FUNCTION', 8)),
       'rt_make_function_bad_closure', 'SystemError: MAKE_FUNCTION: expected a tuple of cells')

    # an exception-handling instruction given something else: RERAISE of
    # an int at the start of the module
    rt(lambda b: (set_word(b, mod.instrs[0][0], 'LOAD_CONST', int_const),
                  set_word(b, mod.instrs[1][0], 'RERAISE', 0)),
       'rt_reraise_not_exception', 'SystemError: RERAISE: bad operand \\(int\\)')

    for f in os.listdir(OUT):
        if f.endswith('.pyc') and f != 'base.pyc':
            os.unlink(os.path.join(OUT, f))
    with open(os.path.join(OUT, 'cases.txt'), 'w') as lst:
        lst.write('# written by tests/gen/robust-code.py: NAME, OFFSET, PATTERN (grep -E)\n')
        for name, data, off, pat in cases:
            with open(os.path.join(OUT, name + '.pyc'), 'wb') as f:
                f.write(data)
            lst.write('%s\t%s\t%s\n' % (name, off, pat))
    with open(os.path.join(OUT, 'runtime.txt'), 'w') as lst:
        lst.write('# written by tests/gen/robust-code.py: NAME, PATTERN (grep -E) of the\n'
                  '# last line of pyvm\'s stderr; exit 1; pydis accepts them\n')
        for name, data, pat in runtime:
            with open(os.path.join(OUT, name + '.pyc'), 'wb') as f:
                f.write(data)
            lst.write('%s\t%s\n' % (name, pat))
    print('robust-code: %d corrupted code objects in %s' % (len(cases), OUT))


if __name__ == '__main__':
    main()
