# Every method of bytes and bytearray called with a spread of arguments
# (ints as bytes, None, negative and huge indices, keywords, wrong types):
# results or the exact exception, for both types.
subjects = [b'', b'a', b'Hello, World', b'  x\ty  \n', b'\xff\x00abc\xe9', b'ab\r\ncd\x0bef\x1cgh',
            b'Title Case wORDS', b'123', b'\t\tx']
argsets = {
    'capitalize': [()], 'lower': [()], 'upper': [()], 'swapcase': [()], 'title': [()],
    'center': [(0,), (15,), (15, b'*'), (16, bytearray(b'-')), (5, b'ab'), (5, '*'), (-1,)],
    'ljust': [(12,), (12, b'.')], 'rjust': [(12,), (12, b'.')], 'zfill': [(0,), (8,), (-3,)],
    'count': [(b'l',), (b'',), (108,), (b'l', 3), (b'l', -5, -1), (b'l', None, None), (256,), ('l',)],
    'find': [(b'o',), (111,), (b'o', 5), (b'o', -3), (b'', 100), (b'x', None, 2), (b'o', 2**65, -2**65), (-1,)],
    'rfind': [(b'o',), (b'o', 0, 5), (b'', 5), (108, -100)],
    'index': [(b'W',), (b'zz',), (b'', 0)], 'rindex': [(b'l',), (b'zz',)],
    'startswith': [(b'He',), ((b'x', b'Hel'),), (b'l', 2), (b'', 50), ((),), (1,), ((b'a', 1),), ('H',)],
    'endswith': [(b'ld',), (b'o', 0, 5), ((b'x', b''),), (bytearray(b'd'), -1, 100)],
    'expandtabs': [(), (4,), (0,), (-1,)],
    'split': [(), (b',',), (None, 1), (b' ', 0), (b'l', -1), (b'',), (',',)],
    'rsplit': [(), (b',',), (None, 1), (b'l', 1)],
    'splitlines': [(), (True,)],
    'strip': [(), (b'Hd',), (None,), (b'',), ('H',)], 'lstrip': [(b' x',)], 'rstrip': [(b'\n ',)],
    'partition': [(b',',), (b'zz',), (b'',)], 'rpartition': [(b'o',), (b'zz',)],
    'replace': [(b'l', b'L'), (b'l', b'L', 1), (b'', b'-'), (b'', b'-', 2), (b'l', b'L', -1), ('l', 'L')],
    'removeprefix': [(b'He',), (b'',)], 'removesuffix': [(b'ld',), (b'',)],
    'join': [([b'a', b'b'],), ([],), ([1],), ((bytearray(b'x'),),), ('ab',)],
    'isalnum': [()], 'isalpha': [()], 'isascii': [()], 'isdigit': [()], 'islower': [()],
    'isspace': [()], 'istitle': [()], 'isupper': [()],
    'decode': [(), ('latin-1',), ('ascii', 'replace'), ('utf-8', 'backslashreplace'), ('cp1252', 'replace')],
    'hex': [(), (':',), (b'-', 2), (' ', -3), ('', 1), ('::',)],
    'translate': [(None,), (None, b'lo'), (bytes.maketrans(b'lo', b'01'),), (b'short',), (None, 'x')],
}
for T in (bytes, bytearray):
    for name in sorted(argsets):
        for s in subjects:
            s = T(s)
            for a in argsets[name]:
                try:
                    r = getattr(s, name)(*a)
                except Exception as e:
                    r = '!' + type(e).__name__ + ': ' + str(e)
                print(T.__name__, name, repr(s), a, repr(r))
    kw = [('split', {'sep': b',', 'maxsplit': 1}), ('rsplit', {'maxsplit': 1}), ('splitlines', {'keepends': True}),
          ('expandtabs', {'tabsize': 2}), ('decode', {'encoding': 'ascii', 'errors': 'ignore'}),
          ('hex', {'sep': '.', 'bytes_per_sep': 2}), ('replace', {'count': 1}), ('translate', {'delete': b'a'})]
    for name, k in kw:
        try:
            print(name, k, repr(getattr(T(b'a, b\tc\nd'), name)(**k)))
        except Exception as e:
            print(name, k, '!' + type(e).__name__, e)
    print('untested', sorted(n for n in dir(T) if not n.startswith('_') and n not in argsets))
