# _locale: the C locale, as CPython shows it after setting it explicitly.
import locale, _locale
print(_locale.localeconv() == locale.localeconv(), locale.localeconv()['decimal_point'])
print(_locale.setlocale(_locale.LC_ALL, 'C'), _locale.setlocale(_locale.LC_ALL), _locale.setlocale(_locale.LC_CTYPE, 'C.UTF-8'), _locale.setlocale(_locale.LC_ALL))
for args in [(locale.LC_ALL, 'xx_YY'), (99,), (99, 'C')]:
    try: _locale.setlocale(*args)
    except locale.Error as e: print(repr(e), type(e).__module__)
print(_locale.getencoding(), _locale.strcoll('a','b'), _locale.strcoll('b','a'), _locale.strcoll('abc','abc'), _locale.strxfrm('x'))
print(locale.nl_langinfo(locale.D_T_FMT), locale.nl_langinfo(locale.DAY_1), locale.nl_langinfo(locale.ABMON_12), locale.nl_langinfo(locale.RADIXCHAR), locale.nl_langinfo(locale.YESEXPR))
print(locale.format_string('%.2f', 1234.5, grouping=True), locale.str(3.25), locale.atof('1.5'), locale.atoi('42'), locale.currency if False else '')
print(locale.normalize('en_US'), locale.getlocale(locale.LC_NUMERIC), sorted(['b', 'a', 'C'], key=locale.strxfrm))
print(locale.setlocale(locale.LC_NUMERIC, 'C'), locale.getpreferredencoding(False))
