#!/usr/bin/python3
"""tests/fuzz/mangle.py: truncate and garble each stage's inputs by hand.

Stage: none; a robustness check over every tool (the fuzz targets' cheap
companion, runnable without clang).

    tests/fuzz/mangle.py [-b BINDIR] [-n N] [-s SEED] [TOOL...]

For each tool, takes the seeds in tests/fuzz/corpus/<tool>/ (its input
format), makes N mangled versions (truncated at a random byte or line,
bytes flipped, lines deleted, duplicated or swapped, numbers made huge or
negative, junk inserted) and runs the tool on each, preferably the ASan
build (default BINDIR bin/san).  Reports, and saves under
bin/fuzz/mangle/<tool>/:
  crash     killed by a signal, exit >= 128, or a sanitizer report
  hang      still running after 10 seconds
  nomsg     exit 1 or 2 with nothing on stderr
  badexit   an exit status other than 0, 1, 2
  complete  exit 0 on input truncated in the middle of a line (text
            formats) or anywhere (code objects): output that looks complete
Exit status 1 when anything but 'complete' was found.
"""
import os
import random
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TOOLS = ["pytok", "pyparse", "pyast", "pysym", "pycfg", "pyasm", "pydis", "pyvm"]
BINARY_INPUT = {"pydis", "pyvm"}


def mutate(data, rnd, binary):
    """One mangled copy of data and whether it was cut mid-line (or mid-object)."""
    kind = rnd.randrange(9)
    if kind == 0 and len(data) > 1:           # truncate at a random byte
        cut = rnd.randrange(1, len(data))
        midline = binary or data[cut - 1:cut] != b"\n"
        return data[:cut], "cut@%d" % cut, midline
    lines = data.split(b"\n")
    if kind == 1 and len(lines) > 2:          # truncate at a line boundary
        k = rnd.randrange(1, len(lines) - 1)
        return b"\n".join(lines[:k]) + b"\n", "lines@%d" % k, binary
    if kind == 2 and data:                    # flip bytes
        b = bytearray(data)
        for _ in range(rnd.randint(1, 4)):
            i = rnd.randrange(len(b))
            b[i] ^= 1 << rnd.randrange(8)
        return bytes(b), "flip", False
    if kind == 3 and len(lines) > 2:          # delete a line
        k = rnd.randrange(1, len(lines))
        return b"\n".join(lines[:k] + lines[k + 1:]), "del@%d" % k, False
    if kind == 4 and len(lines) > 2:          # duplicate a line
        k = rnd.randrange(1, len(lines))
        return b"\n".join(lines[:k + 1] + lines[k:]), "dup@%d" % k, False
    if kind == 5 and len(lines) > 3:          # swap two lines
        i, j = rnd.randrange(1, len(lines)), rnd.randrange(1, len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines), "swap@%d,%d" % (i, j), False
    if kind == 6:                             # a number made huge or negative
        nums = list(re.finditer(rb"\d+", data))
        if nums:
            m = rnd.choice(nums)
            rep = rnd.choice([b"-1", b"4294967296", b"99999999999999999999", b"2147483647", b"0", b"-2147483648"])
            return data[:m.start()] + rep + data[m.end():], "num@%d=%s" % (m.start(), rep.decode()), False
    if kind == 7 and data:                    # junk inserted
        i = rnd.randrange(len(data))
        junk = rnd.choice([b"\x00", b"\xff\xfe", b"'", b'"', b"(", b")", b"\t", b" ", b"\\", b"\r", b"\n\n", b"[", b"\xe2\x82"])
        return data[:i] + junk + data[i:], "junk@%d" % i, False
    if binary and len(data) > 8:              # binary: overwrite a word
        b = bytearray(data)
        i = rnd.randrange(len(b) - 4)
        b[i:i + 4] = rnd.choice([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\xff\xff\xff\x7f", b"\x00\x00\x00\x80"])
        return bytes(b), "word@%d" % i, False
    return data + b"\n#", "append", False


def run(tool, path, bindir):
    argv = [os.path.join(bindir, tool), path]
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0", UBSAN_OPTIONS="print_stacktrace=1")
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=10, env=env)
    except subprocess.TimeoutExpired:
        return None, b""
    return p.returncode, p.stderr


def main():
    args = sys.argv[1:]
    bindir, n, seed = os.path.join(ROOT, "bin", "san"), 200, 1
    while args and args[0].startswith("-"):
        opt = args.pop(0)
        if opt == "-b":
            bindir = args.pop(0)
        elif opt == "-n":
            n = int(args.pop(0))
        elif opt == "-s":
            seed = int(args.pop(0))
        else:
            print(__doc__, file=sys.stderr)
            return 2
    tools = args or TOOLS
    rnd = random.Random(seed)
    bad = 0
    for tool in tools:
        if not os.access(os.path.join(bindir, tool), os.X_OK):
            print("%s: %s/%s missing, skipped" % (tool, bindir, tool))
            continue
        cdir = os.path.join(ROOT, "tests", "fuzz", "corpus", tool)
        seeds = sorted(os.listdir(cdir))
        outdir = os.path.join(ROOT, "bin", "fuzz", "mangle", tool)
        os.makedirs(outdir, exist_ok=True)
        found = {}
        for i in range(n):
            name = seeds[i % len(seeds)]
            with open(os.path.join(cdir, name), "rb") as f:
                data = f.read()
            m, how, cut = mutate(data, rnd, tool in BINARY_INPUT)
            path = os.path.join(outdir, "cur")
            with open(path, "wb") as f:
                f.write(m)
            rc, err = run(tool, path, bindir)
            if rc is None:
                kind = "hang"
            elif rc < 0 or rc >= 128 or b"Sanitizer" in err or b"runtime error" in err:
                kind = "crash"
            elif rc in (1, 2) and not err.strip():
                kind = "nomsg"
            elif rc not in (0, 1, 2):
                kind = "badexit"
            elif rc == 0 and cut and tool != "pytok":   # cut source is still source
                kind = "complete"
            else:
                continue
            found[kind] = found.get(kind, 0) + 1
            keep = os.path.join(outdir, "%s-%s-%s" % (kind, name, how.replace("/", "_")))
            os.replace(path, keep)
            first = err.decode("utf-8", "replace").strip().splitlines()
            msg = next((l for l in first if "ERROR" in l or "runtime error" in l), first[0] if first else "")
            print("%s: %s rc=%s %s: %s" % (tool, kind, rc, os.path.relpath(keep, ROOT), msg[:160]))
            if kind != "complete":
                bad += 1
        summary = ", ".join("%d %s" % (v, k) for k, v in sorted(found.items())) or "nothing found"
        print("%s: %d mangled inputs: %s" % (tool, n, summary))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
