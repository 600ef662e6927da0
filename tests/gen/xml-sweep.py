# tests/gen/xml-sweep.py: differential sweep of pyvm's pyexpat against
# CPython's (libexpat 2.5).  Run with /usr/bin/python3:
#
#   /usr/bin/python3 tests/gen/xml-sweep.py [-n FILES] [-m MUTANTS]
#                    [-o DIR] [PYBIN]
#
# The corpus: the XML documents written below, plus up to FILES (default
# 300) .xml/.xsl/.svg/.plist/.xhtml files found on this machine (sorted,
# evenly sampled, at most 64 KiB each), plus MUTANTS (default 3) broken
# copies of each made by a seeded random mutation (a byte deleted, a markup
# character inserted, the end cut off, a piece repeated).  Every document
# goes through tests/gen/xml-dump.py under /usr/bin/python3 and under
# PYBIN/pyrun (default bin/); the event dumps (every handler's arguments
# and position, three ways of feeding) are compared document by document.
# Prints "xml: N/M documents identical to CPython's event dump (P%)", and
# with -o writes DIR/N.xml and DIR/N.diff for each difference.  Exit
# status 1 when pyvm's run gave no dump for some document (it failed).
import difflib
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOTS = ('/usr/share', '/usr/lib', '/root/.pyenv/versions', '/etc')
EXTS = ('.xml', '.xsl', '.xslt', '.svg', '.plist', '.xhtml', '.dtd')

HANDWRITTEN = [
    b'<a/>',
    b'<a>text</a>',
    b'<?xml version="1.0"?>\n<a x="1" y=\'2\'>t<b>u</b>v</a>\n',
    b'<?xml version="1.0" encoding="utf-8" standalone="yes"?><a/>',
    b'<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9t\xe9</a>',
    b'<?xml version="1.0" encoding="us-ascii"?><a>abc</a>',
    b'\xef\xbb\xbf<a>bom</a>',
    '<?xml version="1.0" encoding="utf-16"?><a>\u00e9\U0001f600</a>'.encode('utf-16'),
    '<a>utf-16-be</a>'.encode('utf-16-be'),
    b'<a>x\r\ny\rz\n</a>',
    b'<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;</a>',
    b'<a b="&lt;&#10;&#9; x\ty\nz"/>',
    b'<!DOCTYPE a [<!ENTITY e "v<b>x</b>w">]><a>&e;&e;</a>',
    b'<!DOCTYPE a [<!ENTITY e "&f;"><!ENTITY f "ok">]><a t="&e;">&e;</a>',
    b'<!DOCTYPE a [<!ENTITY e "&e;">]><a>&e;</a>',
    b'<!DOCTYPE a SYSTEM "a.dtd"><a>&undeclared;</a>',
    b'<!DOCTYPE a [<!ENTITY % p "x"> %p;]><a>&u;</a>',
    b'<!DOCTYPE a PUBLIC "-//A//B" "b.dtd"><a/>',
    b'<!DOCTYPE a [\n<!ELEMENT a (b|c)*>\n<!ELEMENT b (#PCDATA)>\n'
    b'<!ELEMENT c (d,e?)+>\n<!ELEMENT d EMPTY><!ELEMENT e ANY>\n'
    b'<!ELEMENT f (#PCDATA|b|c)*>\n<!ATTLIST a x CDATA #IMPLIED'
    b' y (p|q) "p" z ID #REQUIRED w CDATA #FIXED "f" v NMTOKENS "  a  b ">\n'
    b'<!NOTATION n SYSTEM "n.exe"><!NOTATION m PUBLIC "m">\n'
    b'<!ENTITY u SYSTEM "u.bin" NDATA n>\n<!ENTITY x SYSTEM "x.xml">\n'
    b'<!-- comment --><?pi data?>\n]>\n<a z="1" v=" c  d "><b>t</b></a>',
    b'<a><![CDATA[<not markup> & ]] ]]]></a>',
    b'<a><!-- c --><?p d?><?q?></a><!-- after --><?r?>\n',
    b'<a xmlns="urn:d" xmlns:p="urn:p" p:x="1" y="2"><p:b/><c xmlns=""/></a>',
    b'<p:a xmlns:p="urn:p"><q:b/></p:a>',
    b'<a xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:lang="en"/>',
    b'<a xmlns:p="urn:p" p:x="1" xmlns:q="urn:p" q:x="2"/>',
    b'<a><b></a>', b'<a>', b'', b'   ', b'<a></a><b/>', b'<a></a>junk',
    b'<a x=1/>', b'<a x="1" x="2"/>', b'<a>&#0;</a>', b'<a>\x01</a>',
    b'<a>]]></a>', b'<a><!-- x -- y --></a>', b'<a', b'<a><![CDATA[x',
    b'<a>&unknown;</a>', b'<a>&#xZZ;</a>', b'<a>&</a>', b'<1a/>',
    b'<a></b>', b'</a>', b'<?xml version="1.0"?><?xml version="1.0"?><a/>',
    b'<a><?xml version="1.0"?></a>', b'<?xml encoding="utf-8"?><a/>',
    b'<a>\xff</a>', b'<a>\xc3</a>', b'<a b="<"/>', b'<a b="&"/>',
    b'<!DOCTYPE a [<!ENTITY e "<b>">]><a>&e;</a></b>',
    b'<!DOCTYPE a><a/>', b'<!DOCTYPE a [ ]><a/>', b'<!DOCTYPE>',
    b'<a>' + b'x' * 10000 + b'\n' + b'y' * 9000 + b'</a>',
    b'<a>' + b'<b c="d">e&amp;f</b>\n' * 300 + b'</a>',
    b'<?xml version="1.0" encoding="iso-8859-1"?><a>' + b'x\xe9' * 2000 + b'</a>',
    ('<a>' + 'a' * 1500 + '\u20ac' * 700 + '\U0001f600' * 300 + '</a>').encode('utf-16'),
    b'<a><![CDATA[a]b]]c]]]d]]]]></a>', b'<a>x]]y]z</a>',
    b'<!DOCTYPE a SYSTEM "a.dtd" [<!ATTLIST a x CDATA "1">]><a>&e;</a>',
    b'<!DOCTYPE a [<!ENTITY e "x&#60;y">]><a>t&e;</a>',
    b'<a xmlns:p="u" p:x="1" p:x="2"/>', b'<a:b:c xmlns:a="u"/>',
    b'<?xml version="1.0" encoding="utf-8"?>\r\n<a>\r</a>\r',
]


def corpus(nfiles):
    found = []
    for root in ROOTS:
        for d, dirs, files in os.walk(root):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(EXTS):
                    p = os.path.join(d, f)
                    try:
                        if 0 < os.path.getsize(p) <= 65536:
                            found.append(p)
                    except OSError:
                        pass
    found.sort()
    if len(found) > nfiles:
        step = len(found) / nfiles
        found = [found[int(i * step)] for i in range(nfiles)]
    docs = []
    for p in found:
        with open(p, 'rb') as f:
            docs.append(f.read())
    return docs


def mutate(rng, doc):
    if not doc:
        return b'<'
    k = rng.randrange(5)
    i = rng.randrange(len(doc))
    if k == 0:
        return doc[:i] + doc[i + 1:]
    if k == 1:
        return doc[:i] + bytes([rng.choice(b'<>&;"\'/!?[]-=#%x \n')]) + doc[i:]
    if k == 2:
        return doc[:i]
    if k == 3:
        j = min(len(doc), i + rng.randrange(1, 40))
        return doc[:j] + doc[i:j] + doc[j:]
    j = min(len(doc), i + rng.randrange(1, 8))
    return doc[:i] + doc[j:]


def write_batch(path, docs):
    with open(path, 'wb') as f:
        for d in docs:
            f.write(b'%08d' % len(d) + d)


def split_dump(text):
    out = {}
    cur = None
    for line in text.split('\n'):
        if line.startswith('#### '):
            cur = int(line[5:])
            out[cur] = []
        elif cur is not None:
            out[cur].append(line)
    return out


def main():
    args = sys.argv[1:]
    nfiles, nmut, outdir = 300, 3, None
    while args and args[0].startswith('-'):
        opt = args.pop(0)
        if opt == '-n':
            nfiles = int(args.pop(0))
        elif opt == '-m':
            nmut = int(args.pop(0))
        elif opt == '-o':
            outdir = args.pop(0)
        else:
            sys.exit('usage: xml-sweep.py [-n FILES] [-m MUTANTS] [-o DIR] [PYBIN]')
    pybin = args[0] if args else os.path.join(HERE, '..', '..', 'bin')
    rng = random.Random(20261126)
    base = HANDWRITTEN + corpus(nfiles)
    docs = list(base)
    for d in base:
        for _ in range(nmut):
            docs.append(mutate(rng, d))
    dump = os.path.join(HERE, 'xml-dump.py')
    same = 0
    with tempfile.TemporaryDirectory() as tmp:
        batch = os.path.join(tmp, 'batch')
        write_batch(batch, docs)
        ref = subprocess.run(['/usr/bin/python3', dump, batch],
                             capture_output=True, text=True,
                             errors='backslashreplace').stdout
        got = subprocess.run([os.path.join(pybin, 'pyrun'), dump, batch],
                             capture_output=True, text=True,
                             errors='backslashreplace')
    ref = split_dump(ref)
    gotd = split_dump(got.stdout)
    bad = []
    for k in range(len(docs)):
        if k in gotd and gotd[k] == ref.get(k):
            same += 1
        else:
            bad.append(k)
    if outdir:
        os.makedirs(outdir, exist_ok=True)
        for k in bad:
            with open(os.path.join(outdir, '%d.xml' % k), 'wb') as f:
                f.write(docs[k])
            with open(os.path.join(outdir, '%d.diff' % k), 'w') as f:
                f.writelines(difflib.unified_diff(
                    [l + '\n' for l in ref.get(k, [])],
                    [l + '\n' for l in gotd.get(k, [])], 'cpython', 'pyvm'))
        if got.stderr:
            with open(os.path.join(outdir, 'stderr'), 'w') as f:
                f.write(got.stderr)
    print('xml: %d/%d documents identical to CPython\'s event dump (%.1f%%), '
          '%d files + %d handwritten, %d mutants each'
          % (same, len(docs), 100.0 * same / len(docs), len(base) -
             len(HANDWRITTEN), len(HANDWRITTEN), nmut))
    missing = [k for k in range(len(docs)) if k not in gotd]
    if missing:
        print('xml: no dump for %d documents (first: %d): pyvm failed'
              % (len(missing), missing[0]))
    return 1 if missing else 0


sys.exit(main())
