# csv.writer: quoting and escaping as CPython, DictWriter/DictReader.
import csv, io
from decimal import Decimal
from fractions import Fraction
def show_write(rows, **kw):
    f = io.StringIO()
    try:
        w = csv.writer(f, **kw)
        for row in rows:
            print(w.writerow(row), end=' ')
        print(repr(f.getvalue()), kw)
    except Exception as e:
        print(repr(f.getvalue()), kw, type(e).__name__, e)
rows = [['a', 'b c', 'd,e'], ['q"uote', '', None], [1, 2.5, True, Decimal('1.10'), Fraction(1, 3), 3+4j], ['line\nbreak', 'cr\rhere'], [''], [], [None], ['x\\y'], [' lead', 'trail '], ['tab\tin']]
for kw in [{}, dict(quoting=csv.QUOTE_ALL), dict(quoting=csv.QUOTE_NONNUMERIC), dict(quoting=csv.QUOTE_NONE, escapechar='\\'), dict(quoting=csv.QUOTE_NONE),
           dict(doublequote=False, escapechar='\\'), dict(doublequote=False), dict(delimiter='\t', lineterminator='\n'), dict(quotechar="'"), dict(lineterminator='!'), dict(escapechar='\\')]:
    for row in rows:
        show_write([row], **kw)
show_write([1])
show_write(['abc'])
show_write([iter(['x', 'y'])])
f = io.StringIO()
w = csv.writer(f)
print(w.writerows([[1, 2], (3, 4), 'ab']), repr(f.getvalue()))
f = io.StringIO()
dw = csv.DictWriter(f, fieldnames=['x', 'y'], extrasaction='ignore')
dw.writeheader(); dw.writerow({'x': 1, 'y': 'two', 'z': 3}); dw.writerows([{'x': 5}, {'y': 6}])
print(repr(f.getvalue()))
try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'b': 1})
except ValueError as e:
    print(e)
for row in csv.DictReader(io.StringIO('name,age\nann,30\nbob,41,extra\ncy\n')):
    print(row)
rd = csv.DictReader(io.StringIO('a;b\n1;2\n'), delimiter=';', restval='?')
print(rd.fieldnames, list(rd), rd.line_num)
