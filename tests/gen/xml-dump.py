# tests/gen/xml-dump.py: print every pyexpat event of each document in a
# batch file (made by xml-sweep.py), under whichever Python runs it: the
# sweep runs it under CPython and under pyvm and compares the outputs.
# Usage: xml-dump.py BATCH > OUT.  A batch is records of an 8-digit length
# and that many bytes.  For each document the dump has three passes: the
# bytes in one Parse call with every handler set; the bytes fed 7 at a time
# with buffer_text on and ordered_attributes; and namespace processing
# ('}' separator, namespace_prefixes) over the text decoded as UTF-8.
# Each pass stops after 400 events.
import sys
import os
import sys
# XML_DUMP_MODULE names another module to test in pyexpat's place (to run
# pyvm's mod_pyexpat.py under CPython while working on it)
pyexpat = __import__(os.environ.get('XML_DUMP_MODULE', 'pyexpat'))

HANDLERS = ('StartElementHandler', 'EndElementHandler',
            'CharacterDataHandler', 'ProcessingInstructionHandler',
            'CommentHandler', 'StartNamespaceDeclHandler',
            'EndNamespaceDeclHandler', 'XmlDeclHandler',
            'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler',
            'StartCdataSectionHandler', 'EndCdataSectionHandler',
            'EntityDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler',
            'UnparsedEntityDeclHandler', 'NotationDeclHandler',
            'SkippedEntityHandler', 'DefaultHandler')
LIMIT = 400


class Stop(Exception):
    pass


def run(out, data, mode):
    if mode == 2:
        p = pyexpat.ParserCreate(None, '}')
        p.namespace_prefixes = True
    else:
        p = pyexpat.ParserCreate()
    if mode == 1:
        p.buffer_text = True
        p.ordered_attributes = True
    n = [0]
    for h in HANDLERS:
        if mode == 1 and h == 'DefaultHandler':
            continue
        def f(*a, h=h):
            n[0] += 1
            if n[0] > LIMIT:
                raise Stop()
            out.append('%s %r %d:%d:%d' % (h[:-7], a, p.CurrentLineNumber,
                                           p.CurrentColumnNumber,
                                           p.CurrentByteIndex))
        setattr(p, h, f)
    try:
        if mode == 1:
            for i in range(0, len(data), 7):
                p.Parse(data[i:i + 7], False)
            p.Parse(b'', True)
        else:
            p.Parse(data, True)
        out.append('OK')
    except pyexpat.ExpatError as e:
        out.append('ERR %s %d %d %d %d' % (e, e.code, e.lineno, e.offset,
                                          p.ErrorByteIndex))
    except Stop:
        out.append('STOP')
    except Exception as e:
        out.append('EXC %s %s' % (type(e).__name__, e))


def main():
    raw = open(sys.argv[1], 'rb').read()
    pos = 0
    k = 0
    w = sys.stdout.write
    while pos < len(raw):
        size = int(raw[pos:pos + 8])
        data = raw[pos + 8:pos + 8 + size]
        pos += 8 + size
        out = ['#### %d' % k]
        run(out, data, 0)
        run(out, data, 1)
        try:
            text = data.decode('utf-8')
        except UnicodeDecodeError:
            text = None
        if text is not None:
            run(out, text, 2)
        w('\n'.join(out) + '\n')
        k += 1


main()
