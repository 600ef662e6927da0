#!/usr/bin/python3
"""tests/gen/robust-vm-mutate.py: run pyvm on code objects that pass its
verifier but do what no compiler would emit, and check that it never
crashes.

usage: tests/gen/robust-vm-mutate.py BINDIR N FILE.pyc...

The fuzz target fuzz-pyvm stops after loading (a valid program may loop
forever); this is the complement: each of N mutants changes one to three
instruction words of a code object (another opcode with the same kind of
argument, another argument in range, two instructions swapped) behind a
recomputed checksum, and is run by BINDIR/pyvm (best an ASan/UBSan build,
make SAN=1) with a 5 s limit, in a scratch directory.  Rejected by the
verifier (exit 2, "byte N:"), ended by a Python exception (exit 1), any
other exit status (a mutated constant can reach sys.exit) or the time limit
are all fine; death by a signal or a sanitizer report is a finding: the
mutant is saved as
/tmp/vm-mutant-K.pyc and the script exits 1.  Deterministic: seeded by
$SEED (default 10).
"""
import importlib.util
import os
import random
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('robust_code', os.path.join(HERE, 'robust-code.py'))
rc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rc)

KIND = {}
for line in open(os.path.join(HERE, '..', '..', 'libstage', 'opcodes.def')):
    if line.startswith('OP('):
        name, kind = line[3:line.index(')')].split(', ')
        KIND[name] = kind
BYKIND = {}
for name, kind in KIND.items():
    BYKIND.setdefault(kind, []).append(name)


def mutate(data, rnd):
    ps = rc.Parser(data)
    ps.code()
    body = bytearray(data[20:])
    codes = [c for c in ps.codes if c.ncode > 1]
    co = rnd.choice(codes)
    for _ in range(rnd.randint(1, 3)):
        i = rnd.randrange(co.ncode)
        at, op, arg = co.instrs[i]
        how = rnd.randrange(3)
        if how == 0:
            op = rnd.choice(BYKIND[KIND[op]])
        elif how == 1:
            arg = max(0, arg + rnd.choice((-2, -1, 1, 2, 3)))
        else:
            j = rnd.randrange(co.ncode)
            at2, op2, arg2 = co.instrs[j]
            struct.pack_into('<I', body, at2 - 20, rc.OPS.index(op) | arg << 8)
            op, arg = op2, arg2
        struct.pack_into('<I', body, at - 20, rc.OPS.index(op) | arg << 8)
    return rc.seal(bytes(body))


def main():
    bindir, n, files = os.path.abspath(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    rnd = random.Random(int(os.environ.get('SEED', '10')))
    bases = [(f, open(f, 'rb').read()) for f in files]
    counts = {}
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'm.pyc')
        for k in range(n):
            base, data = rnd.choice(bases)
            data = mutate(data, rnd)
            with open(path, 'wb') as f:
                f.write(data)
            env = dict(os.environ, ASAN_OPTIONS='detect_leaks=0')
            try:
                p = subprocess.run([os.path.join(bindir, 'pyvm'), path], cwd=tmp, env=env,
                                   stdin=subprocess.DEVNULL, capture_output=True, timeout=5)
                code, err = p.returncode, p.stderr
            except subprocess.TimeoutExpired:
                code, err = 124, b''
            counts[code] = counts.get(code, 0) + 1
            if code < 0 or b'Sanitizer' in err or b'runtime error' in err:
                bad += 1
                keep = '/tmp/vm-mutant-%d.pyc' % bad
                with open(keep, 'wb') as f:
                    f.write(data)
                print('finding %s (from %s): exit %d: %s'
                      % (keep, base, code, err[-400:].decode('utf-8', 'replace')))
    print('robust-vm-mutate: %d mutants, exit statuses %s, %d findings'
          % (n, dict(sorted(counts.items())), bad))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
