#!/usr/bin/python3
"""tests/gen/fuzz-code.py: mutate binary code objects *behind* the checksum
(recomputing the CRC-32, so the inner checks of ls_code_read are reached)
and check that pydis never crashes: exit 0 or 2, never a signal, never a
sanitizer report.  Best run against the ASan/UBSan build:

    make SAN=1 BUILD=bin/san bin/san/pyasm bin/san/pydis
    tests/gen/fuzz-code.py bin/san N FILE.pyc...
"""
import random
import struct
import subprocess
import sys
import zlib


def main():
    bindir, n, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    rnd = random.Random(1)
    bad = 0
    for i in range(n):
        data = bytearray(open(rnd.choice(files), 'rb').read())
        body = data[20:]
        for _ in range(rnd.randint(1, 4)):
            k = rnd.randrange(len(body))
            how = rnd.randrange(3)
            if how == 0:
                body[k] = rnd.randrange(256)
            elif how == 1:
                body[k] ^= 1 << rnd.randrange(8)
            else:
                del body[k:k + rnd.randint(1, 8)]
                if not body:
                    body = bytearray(b'\0')
        out = data[:12] + struct.pack('<II', len(body), zlib.crc32(body)) + body
        open('/tmp/fuzz.pyc', 'wb').write(out)
        for mode in ([], ['--asm'], ['--show-code']):
            p = subprocess.run([bindir + '/pydis'] + mode + ['/tmp/fuzz.pyc'],
                               capture_output=True)
            if p.returncode not in (0, 2) or b'Sanitizer' in p.stderr or b'runtime error' in p.stderr:
                bad += 1
                open('/tmp/fuzz-bad-%d.pyc' % bad, 'wb').write(out)
                print('case', i, mode, p.returncode, p.stderr[:300])
    print('fuzz: %d mutations, %d failures' % (n, bad))


main()
