# csv dialects: registration, validation messages, Sniffer.
import csv, io
from decimal import Decimal
from fractions import Fraction
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()))
f = io.StringIO(); csv.writer(f, 'pipes').writerow(['a', 1]); print(repr(f.getvalue()))
print(list(csv.reader(['"a"|"b"'], 'pipes')))
d = csv.get_dialect('pipes'); print(d.delimiter, d.quoting, d.quotechar, d.lineterminator == '\r\n')
csv.unregister_dialect('pipes')
class My(csv.Dialect):
    delimiter = ':'
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
print(list(csv.reader(['a:b'], My)), My().delimiter)
class Bad(csv.Dialect):
    delimiter = ':'
try:
    Bad()
except csv.Error as e:
    print(e)
s = csv.Sniffer()
d = s.sniff('a;b;c\n1;2;3\n4;5;6\n')
print(d.delimiter, s.has_header('name,age\nann,30\nbob,41\n'))
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__, csv.excel.delimiter, csv.excel_tab.delimiter, csv.unix_dialect.lineterminator == '\n')

import _csv
for kw in [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1), dict(delimiter=None), dict(quotechar='ab'), dict(quotechar=None), dict(quotechar=None, quoting=csv.QUOTE_NONE),
           dict(escapechar='ab'), dict(escapechar=1), dict(quoting='1'), dict(quoting=9), dict(quoting=None), dict(lineterminator=None), dict(lineterminator=1), dict(doublequote=[]), dict(strict=2), dict(bogus=1), dict(delimiter='\n'), dict(delimiter='"'), dict(delimiter=' ', skipinitialspace=True), dict(quotechar='\n'), dict(escapechar='"'), dict(escapechar=',')]:
    try:
        d = _csv.Dialect(**kw); print('ok', kw, d.delimiter, repr(d.quotechar), repr(d.escapechar), d.quoting, repr(d.lineterminator), d.doublequote, d.skipinitialspace, d.strict)
    except Exception as e: print(kw, type(e).__name__, e)
    try:
        csv.writer(io.StringIO(), **kw)
    except Exception as e: print('  w', type(e).__name__, e)
d = _csv.Dialect()
try: d.delimiter = ';'
except Exception as e: print(type(e).__name__, e)
print(_csv.Dialect(d) is d, _csv.Dialect(csv.excel).delimiter, _csv.Dialect('excel-tab').delimiter)
try: _csv.Dialect('nope')
except Exception as e: print(type(e).__name__, e)
try: csv.writer(1)
except Exception as e: print(type(e).__name__, e)
try: csv.reader(1)
except Exception as e: print(type(e).__name__, e)
try: csv.register_dialect(1)
except Exception as e: print(type(e).__name__, e)
try: csv.get_dialect('zz')
except Exception as e: print(type(e).__name__, e)
try: csv.unregister_dialect('zz')
except Exception as e: print(type(e).__name__, e)
try: csv.field_size_limit('x')
except Exception as e: print(type(e).__name__, e)
try: csv.field_size_limit(1, 2)
except Exception as e: print(type(e).__name__, e)
print(csv.field_size_limit(), csv.list_dialects())
r = csv.reader([])
print(type(r), type(csv.writer(io.StringIO())), r.line_num, type(r.dialect))
print(repr(_csv.Dialect), _csv.Error.__module__, csv.Error.__mro__)
