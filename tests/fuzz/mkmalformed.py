#!/usr/bin/python3
"""tests/fuzz/mkmalformed.py: write the checked-in set of malformed inputs.

Stage: none; test data for tests/robust.bats.

    tests/fuzz/mkmalformed.py [BINDIR]        (default bin)

Turns one small valid program into each stage's input with our own tools
(these are inputs, not expected outputs), then writes broken versions of
each to tests/fuzz/malformed/<tool>/<name> (or tests/fuzz/hostile/, see
HOSTILE below): empty, header only, wrong
format, wrong version, truncated mid-line and at a line boundary, flipped
bytes, NUL bytes, CRLF line ends, huge and negative numbers, lines
deleted, duplicated or swapped, binary junk; for pytok, hostile source
(bad encodings, deep nesting, unterminated strings); for pydis and pyvm,
corrupted code objects (truncated at many offsets, bytes flipped, bad
checksum, text-mode mangling).  robust.bats expects every one of them to
be rejected with exit 1 or 2 and a message, never a crash.
"""
import os
import random
import re
import shutil
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "tests", "fuzz", "malformed")
HOSTILE_OUT = os.path.join(ROOT, "tests", "fuzz", "hostile")
# Edits that may still leave a valid input (a hand edit, or what CPython's
# tokenize accepts): these go to tests/fuzz/hostile/, where only "no crash,
# no hang" is required.
HOSTILE = {"crlf", "negative_number", "swap_lines", "dup_line",
           "invalid_char", "lone_cr", "nul_in_source", "declared_utf8_bad_comment"}

SEED = b'''import sys
X = 10

def fib(n, memo={}):
    """Return the n-th Fibonacci number."""
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

class Point:
    def __init__(self, x, y=2.5):
        self.x, self.y = x, y
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

total = 0
for i in range(X):
    try:
        total += fib(i) // (i - 3)
    except ZeroDivisionError as e:
        print("skip", i, e)
print(total, Point(3, 4).norm(), [k * 2 for k in range(3) if k])
'''

STAGES = ["pytok", "pyparse", "pyast", "pysym", "pycfg", "pyasm"]


def text_cases(tool, data, rnd):
    """Broken versions of a text format input."""
    header, _, body = data.partition(b"\n")
    lines = body.split(b"\n")
    mid = len(lines) // 2
    fmt = header.split()[1]
    other = b"ast" if fmt != b"ast" else b"tokens"
    nums = [m for m in re.finditer(rb"\b\d+\b", body)]
    num = nums[len(nums) // 2]
    c = {
        "empty": b"",
        "header_only": header + b"\n",
        "header_no_newline": header,
        "no_header": body,
        "plain_text": b"print('hello')\n",
        "wrong_format": header.replace(fmt, other, 1) + b"\n" + body,
        "wrong_version": header.replace(b" 1 ", b" 99 ", 1) + b"\n" + body,
        "bad_magic": b"pyfnt" + data[5:],
        "cut_mid_line": data[:len(header) + 1 + len(b"\n".join(lines[:mid])) + 1 + max(1, len(lines[mid]) // 2)],
        "cut_at_line": header + b"\n" + b"\n".join(lines[:mid]) + b"\n",
        "last_line_missing": header + b"\n" + b"\n".join(lines[:-2]) + b"\n",
        "nul_byte": data[:len(data) // 2] + b"\x00" + data[len(data) // 2:],
        "crlf": data.replace(b"\n", b"\r\n"),
        "huge_number": body[:0] + header + b"\n" + body[:num.start()] + b"99999999999999999999" + body[num.end():],
        "negative_number": header + b"\n" + body[:num.start()] + b"-7" + body[num.end():],
        "int_max_number": header + b"\n" + body[:num.start()] + b"2147483648" + body[num.end():],
        "dup_line": header + b"\n" + b"\n".join(lines[:mid + 1] + lines[mid:]),
        "swap_lines": header + b"\n" + b"\n".join(lines[:mid] + [lines[mid + 1], lines[mid]] + lines[mid + 2:]),
        "binary_junk": bytes(rnd.randrange(256) for _ in range(300)),
        "junk_after_header": header + b"\n" + bytes(rnd.randrange(256) for _ in range(200)),
        "long_line": header + b"\n" + b"x" * 20000 + b"\n" + body,
    }
    b = bytearray(data)
    for k in range(3):
        i = len(header) + 1 + rnd.randrange(len(body))
        b[i] ^= 0x55
    c["flipped_bytes"] = bytes(b)
    return c


def code_cases(data, rnd):
    """Corrupted binary code objects."""
    n = len(data)
    c = {"empty": b"", "magic_only": data[:4], "text_input": b"pyfmt cfg 1 x.py\n.code 0\n",
         "text_mode_crlf": data.replace(b"\n", b"\r\n"), "lf_from_crlf": data.replace(b"\r\n", b"\n"),
         "appended_junk": data + b"\x00junk", "doubled": data + data}
    for frac in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99):
        c["cut_%02d" % int(frac * 100)] = data[:max(5, int(n * frac))]
    c["cut_last_byte"] = data[:-1]
    for k, off in enumerate((4, 8, 12, 16, 24, 32, n // 3, n // 2, 2 * n // 3, n - 5, n - 1)):
        b = bytearray(data)
        b[off] ^= 0xff
        c["flip_%02d_at_%d" % (k, off)] = bytes(b)
    for k in range(4):
        b = bytearray(data)
        i = 8 + rnd.randrange(n - 16)
        b[i:i + 4] = rnd.choice([b"\xff\xff\xff\xff", b"\xff\xff\xff\x7f", b"\x00\x00\x00\x80", b"\x10\x27\x00\x00"])
        c["word_%d_at_%d" % (k, i)] = bytes(b)
    c["zeroed_tail"] = data[:n // 2] + bytes(n - n // 2)
    return c


def source_cases():
    """Hostile source text for pytok."""
    return {
        "invalid_utf8": b"x = '\xff\xfe'\n",
        "bad_coding_cookie": b"# -*- coding: no-such-codec -*-\nx = 1\n",
        "bom_and_latin1_cookie": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
        "nul_in_source": b"x = 1\x00\n",
        "unterminated_string": b"x = 'abc\n",
        "unterminated_triple": b'x = """abc\n\n',
        "deep_parens": b"x = " + b"(" * 250 + b"1" + b")" * 250 + b"\n",
        "unbalanced_close": b"x = (1))\n",
        "inconsistent_dedent": b"if x:\n        a\n    b\n",
        "tab_space_mix": b"if x:\n\ta\n        b\n",
        "lone_cr": b"x = 1\ry = 2\r",
        "truncated_utf8": b"x = '\xe2\x82'\n",
        "bad_continuation": b"x = 1 + \\ 2\n",
        "eof_in_continuation": b"x = 1 + \\",
        "deep_indent": b"".join(b" " * i + b"if x:\n" for i in range(120)) + b" " * 120 + b"pass\n",
        "bad_number": b"x = 0b102\n",
        "invalid_char": b"x = 1 $ 2\n",
        "declared_utf8_bad_string": b"# coding: utf-8\nx = 'caf\xe9'\n",
        "declared_utf8_bad_name": b"\xef\xbb\xbfx = 1\nna\xefve = 2\n",
        "declared_utf8_bad_comment": b"# coding: utf-8\n# caf\xe9\nx = 1\n",
    }


def main():
    bindir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bin")
    rnd = random.Random(20261126)
    # only the tools' directories written here (malformed/pyrun/ is made by hand)
    for where in (OUT, HOSTILE_OUT):
        for tool in STAGES + ["pydis", "pyvm"]:
            shutil.rmtree(os.path.join(where, tool), ignore_errors=True)
    data = SEED
    inputs = {"pytok": SEED}
    for prev, tool in zip(STAGES, STAGES[1:] + ["pydis"]):
        p = subprocess.run([os.path.join(bindir, prev), "-"], input=data, capture_output=True, check=True)
        data = p.stdout
        inputs[tool] = data
    inputs["pyvm"] = inputs["pydis"]
    count = 0
    for tool, data in inputs.items():
        if tool == "pytok":
            cases = source_cases()
        elif tool in ("pydis", "pyvm"):
            cases = code_cases(data, rnd)
        else:
            cases = text_cases(tool, data, rnd)
        nbad = 0
        for name, content in sorted(cases.items()):
            where = HOSTILE_OUT if name in HOSTILE else OUT
            os.makedirs(os.path.join(where, tool), exist_ok=True)
            with open(os.path.join(where, tool, name), "wb") as f:
                f.write(content)
            nbad += where == OUT
        count += nbad
        print("%s: %d malformed inputs, %d hostile" % (tool, nbad, len(cases) - nbad))
    print("total: %d malformed" % count)


if __name__ == "__main__":
    main()
