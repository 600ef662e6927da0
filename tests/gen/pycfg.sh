#!/bin/sh
# tests/gen/pycfg.sh: make the golden files of tests/pycfg.bats from
# CPython 3.11 (/usr/bin/python3), never from our own tools.
#
# For every tests/cases/pycfg/NAME.py it writes
#   NAME.ast       the test input: "pyfmt ast 1 NAME.py" + python3 -m ast -a
#   NAME.expected  CPython's bytecode of every code object, normalised to the
#                  instruction set of libstage/opcodes.def (no CACHE/PRECALL/
#                  EXTENDED_ARG; LOAD_GLOBAL's NULL as a PUSH_NULL; jumps
#                  undirected, targets as instruction indices), in the form
#                  tests/cases/pycfg/normalize.awk makes of pycfg's output.
# Usage: sh tests/gen/pycfg.sh   (from the repository root)
set -eu
PY=/usr/bin/python3
dir=tests/cases/pycfg
for src in "$dir"/*.py; do
    name=$(basename "$src" .py)
    case $name in
    err_*)  # a SyntaxError the compiler finds: what python3 prints for it
        { echo "pyfmt ast 1 $name.py"; (cd "$dir" && $PY -m ast -a --no-type-comments "$name.py"); } > "$dir/$name.ast"
        (cd "$dir" && $PY -c 'import sys, traceback
try:
    compile(open(sys.argv[1], "rb").read(), sys.argv[1], "exec")
except SyntaxError as e:
    sys.stdout.write("".join(traceback.format_exception_only(e)))' "$name.py" > "$name.expected")
        continue;;
    esac
    { echo "pyfmt ast 1 $name.py"; (cd "$dir" && $PY -m ast -a --no-type-comments "$name.py"); } > "$dir/$name.ast"
    case $name in
    warn_*)  # the SyntaxWarnings CPython's compiler prints for it
        (cd "$dir" && $PY -W default -c 'import sys
with open(sys.argv[1], "rb") as f:
    compile(f.read(), sys.argv[1], "exec")' "$name.py" 2> "$name.warnings");;
    esac
    $PY - "$src" libstage/opcodes.def > "$dir/$name.expected" <<'PYEOF'
import dis, re, sys
src, opdef = sys.argv[1], sys.argv[2]
kinds = {}
for line in open(opdef):
    m = re.match(r'\s*(OP|PSEUDO)\((\w+),\s*(\w+)\)', line)
    if m:
        kinds[m.group(2)] = m.group(3)
RENAME = {
    'POP_JUMP_FORWARD_IF_FALSE': 'POP_JUMP_IF_FALSE', 'POP_JUMP_BACKWARD_IF_FALSE': 'POP_JUMP_IF_FALSE',
    'POP_JUMP_FORWARD_IF_TRUE': 'POP_JUMP_IF_TRUE', 'POP_JUMP_BACKWARD_IF_TRUE': 'POP_JUMP_IF_TRUE',
    'POP_JUMP_FORWARD_IF_NONE': 'POP_JUMP_IF_NONE', 'POP_JUMP_BACKWARD_IF_NONE': 'POP_JUMP_IF_NONE',
    'POP_JUMP_FORWARD_IF_NOT_NONE': 'POP_JUMP_IF_NOT_NONE', 'POP_JUMP_BACKWARD_IF_NOT_NONE': 'POP_JUMP_IF_NOT_NONE',
    'JUMP_FORWARD': 'JUMP', 'JUMP_BACKWARD': 'JUMP', 'JUMP_BACKWARD_NO_INTERRUPT': 'JUMP_NO_INTERRUPT',
}
def pos(p):
    l, el, c, ec = p
    if l is None:
        return ''
    if c is None or ec is None or el is None:
        return ' @%d' % l
    return ' @%d:%d-%d:%d' % (l, c, el, ec)
def constrepr(k):
    if hasattr(k, 'co_code'):
        return 'code'
    if isinstance(k, frozenset):
        # item order is the hash order: compare sorted (normalize.awk too)
        return 'frozenset({%s})' % ', '.join(sorted(repr(x) for x in k)) if k else 'frozenset()'
    return repr(k)
def show(co):
    varnames = list(co.co_varnames)
    vs = ['%s:local%s' % (v, '+cell' if v in co.co_cellvars else '') for v in varnames]
    vs += ['%s:cell' % v for v in co.co_cellvars if v not in varnames]
    vs += ['%s:free' % v for v in co.co_freevars]
    print('== %s argc=%d posonly=%d kwonly=%d flags=%d vars=%s' % (
        co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
        co.co_flags & 0x3ff, ','.join(vs)))
    for k in co.co_consts:
        print('const', constrepr(k))
    for n in co.co_names:
        print('name', n if n and n[0] not in '@\'"' and not any(ch in n for ch in ' \t;\r\n') else repr(n))
    positions = list(co.co_positions())
    out, index = [], {}
    pending = []
    for ins in dis.get_instructions(co):
        if ins.opname in ('CACHE', 'PRECALL', 'EXTENDED_ARG'):
            pending.append(ins.offset)   # a jump here lands on the next one
            continue
        for off in pending:
            index[off] = len(out)
        pending = []
        index[ins.offset] = len(out)
        p = pos(positions[ins.offset // 2])
        name = RENAME.get(ins.opname, ins.opname)
        if name == 'LOAD_GLOBAL' and ins.arg & 1:
            out.append(['PUSH_NULL', None, p])
        out.append([name, ins, p])
    for rec in out:
        name, ins, p = rec
        kind = kinds.get(name, 'NONE')
        if ins is None or kind == 'NONE':
            arg = ''
        elif kind == 'CONST':
            if name == 'KW_NAMES':
                arg = ' ' + repr(co.co_consts[ins.arg])
            else:
                arg = ' ' + constrepr(ins.argval)
        elif kind in ('NAME', 'LOCAL', 'DEREF'):
            v = str(ins.argval)
            plain = v and v[0] not in '@\'"' and not any(ch in v for ch in ' \t;\r\n')
            arg = ' ' + (v if plain else repr(v))
        elif kind == 'JUMP':
            arg = ' ->%d' % index[ins.argval]
        elif kind in ('CMP', 'BINOP'):
            arg = ' ' + ins.argrepr
        else:
            arg = ' %d' % ins.arg
        print('%s%s%s' % (name, arg, p))
    # nested code in co_consts order (the order pycfg writes its sections)
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            show(c)
show(compile(open(src, 'rb').read(), src.rsplit('/', 1)[-1], 'exec'))
PYEOF
done
