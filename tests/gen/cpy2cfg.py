#!/usr/bin/python3
"""tests/gen/cpy2cfg.py: CPython 3.11 as the oracle for pyasm and pydis.

Compiles a Python file with CPython 3.11 (/usr/bin/python3) and rewrites
each code object into this project's instruction set (formats/instructions.md):
CACHE, PRECALL and EXTENDED_ARG disappear, LOAD_GLOBAL's NULL bit becomes a
PUSH_NULL before it, POP_JUMP_FORWARD/BACKWARD_IF_* become POP_JUMP_IF_*, and
jump arguments become labels.  It prints, for the same code:

  (default)    the CFG text (formats/cfg.md) that pyasm reads: tables in
               CPython's order (.const/.nameref/.local...), CPython's
               exception table as .except lines, no .stacksize (so pyasm
               must compute it);
  --show       what `pydis --show-code` must print: dis.code_info() of each
               code object, preorder, with CPython's own stack size;
  --dis        what `pydis` must print: the rewritten instructions laid out
               by CPython's own dis.Instruction._disassemble().

Code-object addresses print as 0x0 (pydis's placeholder).
Usage: cpy2cfg.py [--show|--dis] FILE.py
"""
import dis
import os
import re
import sys

if os.environ.get('PYTHONHASHSEED') != '0':
    # frozenset constants must iterate in one order in every run
    os.environ['PYTHONHASHSEED'] = '0'
    os.execv(sys.executable, [sys.executable] + sys.argv)
sys.set_int_max_str_digits(0)
HERE = os.path.dirname(os.path.abspath(__file__))
OPDEF = os.path.join(HERE, '..', '..', 'libstage', 'opcodes.def')

ARGKIND = {}
for m in re.finditer(r'^(?:OP|PSEUDO)\((\w+), (\w+)\)', open(OPDEF).read(), re.M):
    ARGKIND[m.group(1)] = m.group(2)

RENAME = {
    'POP_JUMP_FORWARD_IF_FALSE': 'POP_JUMP_IF_FALSE',
    'POP_JUMP_BACKWARD_IF_FALSE': 'POP_JUMP_IF_FALSE',
    'POP_JUMP_FORWARD_IF_TRUE': 'POP_JUMP_IF_TRUE',
    'POP_JUMP_BACKWARD_IF_TRUE': 'POP_JUMP_IF_TRUE',
    'POP_JUMP_FORWARD_IF_NONE': 'POP_JUMP_IF_NONE',
    'POP_JUMP_BACKWARD_IF_NONE': 'POP_JUMP_IF_NONE',
    'POP_JUMP_FORWARD_IF_NOT_NONE': 'POP_JUMP_IF_NOT_NONE',
    'POP_JUMP_BACKWARD_IF_NOT_NONE': 'POP_JUMP_IF_NOT_NONE',
}
DROP = {'CACHE', 'PRECALL', 'EXTENDED_ARG'}
FLAGS = ['OPTIMIZED', 'NEWLOCALS', 'VARARGS', 'VARKEYWORDS', 'NESTED',
         'GENERATOR', 'NOFREE', 'COROUTINE', 'ITERABLE_COROUTINE',
         'ASYNC_GENERATOR']
ADDR = re.compile(r' at 0x[0-9a-f]+,')


def norm(s):
    return ADDR.sub(' at 0x0,', s)


def name_text(s):
    """A name as the CFG text spells it (a str literal when not a word)."""
    if s and not re.search(r'[\s;\'"]', s) and s[0] != '@':
        return s
    return repr(s)


def preorder(co, out):
    out.append(co)
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            preorder(c, out)
    return out


def localsplus(co):
    names = list(co.co_varnames)
    kinds = ['local'] * len(names)
    for c in co.co_cellvars:
        if c in names:
            kinds[names.index(c)] = 'local cell'
        else:
            names.append(c)
            kinds.append('cell')
    for f in co.co_freevars:
        names.append(f)
        kinds.append('free')
    return names, kinds


def pos_of(p):
    v = [p.lineno, p.col_offset, p.end_lineno, p.end_col_offset]
    v = [-1 if x is None else x for x in v]
    return v


def convert(co, ids):
    """Our instructions for co: list of dicts, plus the exception table."""
    names, _ = localsplus(co)
    raw = list(dis.get_instructions(co))
    out = []
    omap = {}
    pending = []
    for ins in raw:
        pending.append(ins.offset)
        if ins.opname in DROP:
            continue
        for off in pending:
            omap[off] = len(out)
        pending = []
        op = RENAME.get(ins.opname, ins.opname)
        if op not in ARGKIND:
            raise SystemExit('cpy2cfg: %s: no such opcode in opcodes.def' % op)
        pos = pos_of(ins.positions)
        kind = ARGKIND[op]
        d = {'op': op, 'pos': pos, 'kind': kind, 'cpy': ins}
        if op == 'LOAD_GLOBAL':
            if ins.arg & 1:
                out.append({'op': 'PUSH_NULL', 'pos': pos, 'kind': 'NONE', 'cpy': None})
            d['arg'] = ins.arg >> 1
            d['text'] = name_text(co.co_names[ins.arg >> 1])
        elif kind == 'CONST':
            d['arg'] = ins.arg
            d['text'] = const_text(co.co_consts[ins.arg], ids)
        elif kind == 'NAME':
            d['arg'] = ins.arg
            d['text'] = name_text(co.co_names[ins.arg])
        elif kind in ('LOCAL', 'DEREF'):
            d['arg'] = ins.arg
            d['text'] = names[ins.arg]
        elif kind == 'JUMP':
            d['target'] = ins.argval
        elif kind == 'CMP':
            d['arg'] = ins.arg
            d['text'] = dis.cmp_op[ins.arg]
        elif kind == 'BINOP':
            d['arg'] = ins.arg
            d['text'] = dis._nb_ops[ins.arg][1]
        elif kind == 'INT':
            d['arg'] = ins.arg
            d['text'] = str(ins.arg)
        out.append(d)
    n = len(out)
    for off in pending:
        omap[off] = n
    omap[len(co.co_code)] = n
    for d in out:
        if d['kind'] == 'JUMP':
            d['arg'] = omap[d['target']]
            d['text'] = 'L%d' % d['arg']
    exc = []
    for e in dis._parse_exception_table(co):
        exc.append((omap[e.start], omap[e.end], omap[e.target], e.depth, e.lasti))
    return out, exc


def const_text(c, ids):
    if hasattr(c, 'co_code'):
        return 'code:%d' % ids[id(c)]
    return repr(c)


def write_cfg(top):
    codes = preorder(top, [])
    ids = {id(c): i for i, c in enumerate(codes)}
    print('pyfmt cfg 1 %s' % top.co_filename)
    for i, co in enumerate(codes):
        ins, exc = convert(co, ids)
        print('.code %d' % i)
        print('.name %s' % co.co_name)
        print('.qualname %s' % co.co_qualname)
        if co.co_filename != top.co_filename:
            print('.filename %r' % co.co_filename)
        print('.firstlineno %d' % co.co_firstlineno)
        print('.argcount %d' % co.co_argcount)
        print('.posonlyargcount %d' % co.co_posonlyargcount)
        print('.kwonlyargcount %d' % co.co_kwonlyargcount)
        fl = [FLAGS[b] if b < 10 else hex(1 << b)
              for b in range(32) if co.co_flags & (1 << b)]
        print('.flags %s' % ('|'.join(fl) if fl else '0'))
        names, kinds = localsplus(co)
        for nm, k in zip(names, kinds):
            if k.startswith('local'):
                print('.local %s%s' % (nm, ' cell' if 'cell' in k else ''))
            else:
                print('.%s %s' % (k, nm))
        for c in co.co_consts:
            print('.const %s' % const_text(c, ids))
        for nm in co.co_names:
            print('.nameref %s' % name_text(nm))
        labels = {0}
        for d in ins:
            if d['kind'] == 'JUMP':
                labels.add(d['arg'])
        for s, e, t, depth, lasti in exc:
            labels.update((s, e, t))
            print('.except L%d L%d L%d %d%s' % (s, e, t, depth, ' lasti' if lasti else ''))
        for k, d in enumerate(ins):
            if k in labels:
                print('L%d:' % k)
            arg = (' ' + d['text']) if 'text' in d else ''
            p = d['pos']
            ptext = '-' if p == [-1, -1, -1, -1] else '%d:%d-%d:%d' % tuple(p)
            print('    %s%s @%s' % (d['op'], arg, ptext))
        if len(ins) in labels:
            print('L%d:' % len(ins))
        print('.end')


def write_show(top):
    codes = preorder(top, [])
    for i, co in enumerate(codes):
        if i:
            print()
        print(norm(dis.code_info(co)))


def write_dis(top):
    codes = preorder(top, [])
    ids = {id(c): i for i, c in enumerate(codes)}

    def one(co):
        ins, exc = convert(co, ids)
        starts = {}
        last = None
        for k, d in enumerate(ins):
            ln = d['pos'][0]
            if ln != -1 and ln != last:
                starts[k] = ln
                last = ln
        targets = {d['arg'] for d in ins if d['kind'] == 'JUMP'}
        targets |= {t for s, e, t, _, _ in exc}
        if starts:
            mx = max(starts.values())
            lw = len(str(mx)) if mx >= 1000 else 3
        else:
            lw = 0
        maxoff = len(ins) * 2 - 2
        ow = len(str(maxoff)) if maxoff >= 10000 else 4
        for k, d in enumerate(ins):
            kind = d['kind']
            arg = None if kind == 'NONE' else d['arg']
            argrepr = ''
            if kind == 'CONST' and d['op'] != 'KW_NAMES':
                argrepr = norm(repr(co.co_consts[d['arg']]))
            elif kind == 'NAME':
                argrepr = co.co_names[d['arg']]
            elif kind in ('LOCAL', 'DEREF', 'CMP', 'BINOP'):
                argrepr = d['text']
            elif kind == 'JUMP':
                argrepr = 'to %d' % (d['arg'] * 2)
            elif d['op'] in ('FORMAT_VALUE', 'MAKE_FUNCTION'):
                argrepr = d['cpy'].argrepr
            if starts.get(k) is not None and k > 0 and lw:
                print()
            i = dis.Instruction(d['op'], 0, arg, None, argrepr, k * 2,
                                starts.get(k), k in targets, None)
            print(i._disassemble(lw, False, ow))
        if exc:
            print('ExceptionTable:')
            for s, e, t, depth, lasti in exc:
                print('  %d to %d -> %d [%d]%s' % (s * 2, (e - 1) * 2, t * 2, depth,
                                                   ' lasti' if lasti else ''))
        for c in co.co_consts:
            if hasattr(c, 'co_code'):
                print()
                print('Disassembly of %s:' % norm(repr(c)))
                one(c)
    one(top)


def main():
    args = sys.argv[1:]
    mode = 'cfg'
    if args and args[0] in ('--show', '--dis'):
        mode = args.pop(0)[2:]
    path = args[0]
    src = open(path, 'rb').read()
    # CPY2CFG_MODE=eval|single: compile()'s other modes (ls_compile's tests)
    top = compile(src, os.path.basename(path), os.environ.get('CPY2CFG_MODE', 'exec'),
                  dont_inherit=True)
    {'cfg': write_cfg, 'show': write_show, 'dis': write_dis}[mode](top)


if __name__ == '__main__':
    main()
