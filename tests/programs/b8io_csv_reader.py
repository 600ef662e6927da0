# csv.reader: CPython's parser states, quoting modes, errors.
import csv, io
from decimal import Decimal
from fractions import Fraction
def show_rows(text, **kw):
    try:
        r = csv.reader(io.StringIO(text, newline=''), **kw)
        out = []
        for row in r:
            out.append(row)
        print(repr(text)[:40], kw, out, r.line_num)
    except Exception as e:
        print(repr(text)[:40], kw, type(e).__name__, e)
for text in ['a,b,c\r\n1,2,3\r\n', 'a,"b,c",d\n', '"a ""q"" b",x\n', '\n\n', 'a,b\n\nc,d', ' a, b ,"c"\n', '"unterminated\n', '"a"b,c\n',
             'a\rb\r\n', 'x\\,y,z\n', '"multi\nline",2\n', '1,2.5,abc\n', '"1",2\n', 'a;b;c\n', 'tab\tsep\n', 'a,b\x00c\n', '"q"\n', ',\n', '"",""\n', 'a,"b\r\nc"\r\n']:
    show_rows(text)
    show_rows(text, skipinitialspace=True, escapechar='\\')
    show_rows(text, quoting=csv.QUOTE_NONE, escapechar='\\')
    show_rows(text, quoting=csv.QUOTE_NONNUMERIC)
    show_rows(text, strict=True, doublequote=False, delimiter=';')
show_rows(['a,b\n', 'c\n'])
show_rows(['a,b', 'c'])
show_rows([b'a,b\n'])
show_rows('abc\ndef\n', lineterminator='x')
csv.field_size_limit(5)
show_rows('abcdefgh,1\n')
show_rows('"abcdefgh",1\n')
csv.field_size_limit(131072)
# a real file, opened with newline='' as the csv docs ask
import os, tempfile
d = tempfile.mkdtemp()
fn = os.path.join(d, 'data.csv')
with open(fn, 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['id', 'text', 'value'])
    w.writerows([[1, 'plain', 1.5], [2, 'with, comma', -2], [3, 'multi\nline', None], [4, 'quote "x"', 0]])
with open(fn, 'rb') as f:
    print(f.read())
with open(fn, newline='') as f:
    r = csv.reader(f)
    for row in r:
        print(r.line_num, row)
with open(fn, newline='') as f:
    for row in csv.DictReader(f):
        print(dict(row))
os.remove(fn)
os.rmdir(d)
