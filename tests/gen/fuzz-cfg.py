#!/usr/bin/python3
"""tests/gen/fuzz-cfg.py: mutate CFG text (characters, words, whole lines)
and check that pyasm never crashes: exit 0 or 2, no sanitizer report, and
no output file when it fails.  Best run against the ASan/UBSan build:

    make SAN=1 BUILD=bin/san bin/san/pyasm
    tests/gen/fuzz-cfg.py bin/san N FILE.cfg...
"""
import os
import random
import subprocess
import sys

TOKENS = ['L0', 'L99', 'code:1', 'code:0', '@1:2-3:4', '@-', '@x', "'", '(',
          '-1', '0', '99999999', 'frozenset({', 'POP_TOP', 'JUMP', 'POP_BLOCK',
          'SETUP_FINALLY', '.end', '.code', '.except', ';', '""', 'None']


def main():
    bindir, n, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    rnd = random.Random(2)
    bad = 0
    for i in range(n):
        lines = open(rnd.choice(files)).read().split('\n')
        for _ in range(rnd.randint(1, 3)):
            if len(lines) < 3:
                break
            k = rnd.randrange(1, len(lines))
            how = rnd.randrange(5)
            if how == 0:
                del lines[k]
            elif how == 1:
                lines.insert(k, lines[rnd.randrange(1, len(lines))])
            elif how == 2 and lines[k]:
                j = rnd.randrange(len(lines[k]))
                lines[k] = lines[k][:j] + chr(rnd.randrange(32, 127)) + lines[k][j + 1:]
            elif how == 3:
                w = lines[k].split(' ')
                w[rnd.randrange(len(w))] = rnd.choice(TOKENS)
                lines[k] = ' '.join(w)
            else:
                lines = lines[:k]
        open('/tmp/fuzz.cfg', 'w').write('\n'.join(lines))
        if os.path.exists('/tmp/fuzz.out'):
            os.remove('/tmp/fuzz.out')
        p = subprocess.run([bindir + '/pyasm', '-o', '/tmp/fuzz.out', '/tmp/fuzz.cfg'],
                           capture_output=True)
        err = p.stderr
        if (p.returncode not in (0, 2) or b'Sanitizer' in err or b'runtime error' in err
                or (p.returncode == 2 and os.path.exists('/tmp/fuzz.out'))):
            bad += 1
            open('/tmp/fuzz-bad-%d.cfg' % bad, 'w').write('\n'.join(lines))
            print('case', i, p.returncode, err[:300])
        elif p.returncode == 0:
            q = subprocess.run([bindir + '/pydis', '/tmp/fuzz.out'], capture_output=True)
            if q.returncode != 0:
                bad += 1
                print('case', i, 'pydis rejects pyasm output:', q.stderr[:300])
    print('fuzz: %d mutations, %d failures' % (n, bad))


main()
