#!/usr/bin/python3
"""libstage/ucd_gen.py: generate libstage/ucd_tables.inc, the Unicode
character database (libstage/ucd.c: pyvm's unicodedata module, and pyast's
NFKC of identifiers), from CPython 3.11's own unicodedata (Unicode 14.0.0)
and its ucd_3_2_0 object.  Run by hand; the output is checked in, so the
build never needs Python:

    /usr/bin/python3 libstage/ucd_gen.py > libstage/ucd_tables.inc

Character names are not here: pyvm links the front end's table
(cmd/pyast/uninames.inc, with the name aliases).  The named sequences,
which CPython's unicodedata.lookup knows but cannot list, are taken from
the Unicode 14.0.0 file Perl ships (/usr/share/perl/5.36.0/unicore) and
each one is checked against CPython's lookup before it is written.

Tables:
  ucd_records[]   deduplicated property records (UcdRecord);
  ucd_index1[]    cp >> UCD_SHIFT -> block number;
  ucd_index2[]    block * UCD_BLOCK + (cp & UCD_MASK) -> record number: the
                  usual two-level page table, blocks deduplicated;
  ucd_decomp[]    decompositions: a header word (prefix << 8 | count) and the
                  code points; a record's decomp is an offset + 1 (0: none);
  ucd_numeric[]   the numeric values; a record's num is an index + 1;
  ucd_comp[]      canonical composition pairs {first, second, composite},
                  sorted, primary composites only (the exclusions left out);
  ucd_old_runs[]  sorted runs {lo, hi, record} where UCD 3.2.0 differs from
                  14.0 (the record is the 3.2.0 one, in ucd_records);
  ucd_old_norm[]  {cp, replacement}: the NormalizationCorrections that
                  ucd_3_2_0's decomposition step undoes;
  ucd_seqs[]      the named sequences.
"""
import os
import unicodedata as U

OLD = U.ucd_3_2_0
MAXCP = 0x110000
PERL = "/usr/share/perl/5.36.0/unicore"


def props(db, cp):
    c = chr(cp)
    d = db.decomposition(c)
    prefix = ""
    cps = ()
    if d:
        parts = d.split()
        if parts[0].startswith("<"):
            prefix = parts.pop(0)
        cps = tuple(int(x, 16) for x in parts)
    unassigned_old = db is OLD and OLD.category(c) == "Cn" and U.category(c) != "Cn"
    return (db.category(c), db.bidirectional(c), db.combining(c), db.east_asian_width(c),
            db.mirrored(c), db.decimal(c, -1), db.digit(c, -1), db.numeric(c, None),
            prefix, cps, unassigned_old)


def main():
    cur = [props(U, cp) for cp in range(MAXCP)]
    old = {}
    for cp in range(MAXCP):
        p = props(OLD, cp)
        if p != cur[cp]:
            old[cp] = p
    cats = ["Cn"] + sorted({p[0] for p in cur} - {"Cn"})
    bidis = [""] + sorted(({p[1] for p in cur} | {p[1] for p in old.values()}) - {""})
    eaws = sorted({p[3] for p in cur} | {p[3] for p in old.values()})
    prefixes = [""] + sorted({p[8] for p in cur} - {""})
    numerics = sorted({p[7] for p in cur if p[7] is not None} |
                      {p[7] for p in old.values() if p[7] is not None})
    decomp = []
    decomp_at = {}

    def decomp_index(prefix, cps):
        if not cps:
            return 0
        key = (prefix, cps)
        if key not in decomp_at:
            decomp_at[key] = len(decomp) + 1
            decomp.append(prefixes.index(prefix) << 8 | len(cps))
            decomp.extend(cps)
        return decomp_at[key]

    records = []
    rec_at = {}

    def record(p):
        cat, bidi, comb, eaw, mir, dec, dig, num, prefix, cps, unold = p
        r = (cats.index(cat), bidis.index(bidi), comb, eaws.index(eaw),
             mir | (2 if unold else 0), dec, dig,
             0 if num is None else numerics.index(num) + 1, decomp_index(prefix, cps))
        if r not in rec_at:
            rec_at[r] = len(records)
            records.append(r)
        return rec_at[r]

    recno = [record(p) for p in cur]
    # Pick the block size giving the smallest pair of index tables.
    best = None
    for shift in range(4, 10):
        size = 1 << shift
        blocks = {}
        index1 = []
        for b in range(MAXCP >> shift):
            blk = tuple(recno[b << shift:(b + 1) << shift])
            index1.append(blocks.setdefault(blk, len(blocks)))
        total = len(index1) * 2 + len(blocks) * size * 2
        if best is None or total < best[0]:
            best = (total, shift, index1, blocks)
    _, shift, index1, blocks = best

    runs = []
    for cp in sorted(old):
        r = record(old[cp])
        if runs and runs[-1][1] == cp - 1 and runs[-1][2] == r:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, r])
    # NormalizationCorrections: assigned in 3.2.0, same decomposition()
    # string, yet ucd_3_2_0 decomposes them to one other character.
    corrections = []
    for cp in range(MAXCP):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000 or OLD.category(c) == "Cn":
            continue
        a, b = OLD.normalize("NFD", c), U.normalize("NFD", c)
        if a != b and U.decomposition(c) and not U.decomposition(c).startswith("<"):
            first = int(U.decomposition(c).split()[0], 16)
            if len(a) == 1 and ord(a) != first:
                corrections.append((cp, ord(a)))
    comp = []
    for cp in range(MAXCP):
        p = cur[cp]
        if not p[8] and len(p[9]) == 2 and U.normalize("NFC", chr(cp)) == chr(cp):
            comp.append((p[9][0], p[9][1], cp))
    comp.sort()
    seqs = named_sequences()

    out = []
    w = out.append
    w("/* libstage/ucd_tables.inc: generated by libstage/ucd_gen.py from CPython")
    w(" * 3.11's unicodedata %s and ucd_3_2_0; do not edit. */" % U.unidata_version)
    w("enum { UCD_SHIFT = %d, UCD_BLOCK = %d, UCD_MASK = %d };" % (shift, 1 << shift,
                                                                   (1 << shift) - 1))
    strs = lambda xs: ", ".join('"%s"' % x for x in xs)
    w("static const char *const ucd_cats[] = {%s};" % strs(cats))
    w("static const char *const ucd_bidis[] = {%s};" % strs(bidis))
    w("static const char *const ucd_eaws[] = {%s};" % strs(eaws))
    w("static const char *const ucd_prefixes[] = {%s};" % strs(prefixes))
    w("static const UcdRecord ucd_records[%d] = {" % len(records))
    for r in records:
        w("    {%d, %d, %d, %d, %d, %d, %d, %d, %d}," % r)
    w("};")
    w("static const double ucd_numeric[%d] = {" % len(numerics))
    emit_list(w, [repr(x) for x in numerics])
    w("};")
    w("static const uint16_t ucd_index1[%d] = {" % len(index1))
    emit_list(w, [str(x) for x in index1])
    w("};")
    w("static const uint16_t ucd_index2[%d] = {" % (len(blocks) << shift))
    flat = []
    for blk in blocks:
        flat.extend(blk)
    emit_list(w, [str(x) for x in flat])
    w("};")
    w("static const uint32_t ucd_decomp[%d] = {" % (len(decomp) + 1))
    emit_list(w, ["0"] + ["0x%X" % x for x in decomp])
    w("};")
    w("static const UcdComp ucd_comp[%d] = {" % len(comp))
    emit_list(w, ["{0x%X, 0x%X, 0x%X}" % t for t in comp])
    w("};")
    w("static const UcdRun ucd_old_runs[%d] = {" % len(runs))
    emit_list(w, ["{0x%X, 0x%X, %d}" % tuple(t) for t in runs])
    w("};")
    w("static const UcdCorr ucd_old_norm[%d] = {" % len(corrections))
    emit_list(w, ["{0x%X, 0x%X}" % t for t in corrections])
    w("};")
    w("static const UcdSeq ucd_seqs[%d] = {" % len(seqs))
    for n, cps in seqs:
        w('    {"%s", %d, {%s}},' % (n, len(cps), ", ".join("0x%X" % x for x in cps)))
    w("};")
    print("\n".join(out))


def emit_list(w, items):
    line = "   "
    for it in items:
        if len(line) + len(it) + 2 > 78:
            w(line)
            line = "   "
        line += " " + it + ","
    if line.strip():
        w(line)


def named_sequences():
    """The named sequences of Unicode 14.0.0, each verified with CPython's
    lookup (and checked to be unknown to ucd_3_2_0, as CPython)."""
    cand = set()
    with open(os.path.join(PERL, "NamedSequences.txt")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                n, cps = line.split(";")
                cand.add((n.strip(), tuple(int(x, 16) for x in cps.split())))
    seqs = []
    for n, cps in sorted(cand):
        try:
            got = U.lookup(n)
        except KeyError:
            continue
        if got != "".join(map(chr, cps)):
            continue
        seqs.append((n, cps))
        try:
            OLD.lookup(n)
            raise SystemExit("ucd_3_2_0 knows " + n)
        except KeyError:
            pass
    return seqs


main()
