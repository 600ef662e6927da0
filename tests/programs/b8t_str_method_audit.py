# Every method of str called with a spread of arguments (including None,
# negative and huge indices, keywords and wrong types): results or the
# exact exception.
import sys
subjects = ['', 'a', 'Hello, World', '  x\ty  \n', 'ǅungla ﬁ ß', 'ab\r\ncd\x0bef\x1cgh\u2028ij',
            'αβγ ΑΒΓ', '12³½٣', 'a_b1', '\t\tx']
argsets = {
    'capitalize': [()], 'casefold': [()], 'lower': [()], 'upper': [()], 'swapcase': [()], 'title': [()],
    'center': [(0,), (15,), (15, '*'), (16, 'é'), (-1,), (5, 'ab'), ('x',)],
    'ljust': [(12,), (12, '.'), (3, 'x')], 'rjust': [(12,), (12, '.')],
    'zfill': [(0,), (8,), (-3,)],
    'count': [('l',), ('',), ('l', 3), ('l', -5, -1), ('l', None, None), ('o', 100), ('l', 2**70), (1,)],
    'find': [('o',), ('o', 5), ('o', -3), ('', 100), ('', 12), ('x', None, 2), ('o', 2**65, -2**65)],
    'rfind': [('o',), ('o', 0, 5), ('', 5), ('l', -100)],
    'index': [('W',), ('zz',), ('', 0)], 'rindex': [('l',), ('zz',)],
    'startswith': [('He',), (('x', 'Hel'),), ('l', 2), ('', 50), ((),), (1,), (('a', 1),)],
    'endswith': [('ld',), ('o', 0, 5), (('x', ''),), ('d', -1, 100)],
    'expandtabs': [(), (4,), (0,), (-1,), (1,)],
    'split': [(), (',',), (None, 1), (' ', 0), ('l', -1), ('',)],
    'rsplit': [(), (',',), (None, 1), ('l', 1)],
    'splitlines': [(), (True,), (False,)],
    'strip': [(), ('Hd',), (None,), ('',), (1,)], 'lstrip': [(' x',)], 'rstrip': [('\n ',)],
    'partition': [(',',), ('zz',), ('',)], 'rpartition': [('o',), ('zz',)],
    'replace': [('l', 'L'), ('l', 'L', 1), ('', '-'), ('', '-', 2), ('l', 'L', -1), ('l', 'L', 0)],
    'removeprefix': [('He',), ('',), ('zz',)], 'removesuffix': [('ld',), ('',)],
    'join': [(['a', 'b'],), ('xyz',), ([],), ([1],)],
    'isalnum': [()], 'isalpha': [()], 'isascii': [()], 'isdecimal': [()], 'isdigit': [()],
    'isidentifier': [()], 'islower': [()], 'isnumeric': [()], 'isprintable': [()], 'isspace': [()],
    'istitle': [()], 'isupper': [()],
    'encode': [(), ('ascii', 'replace'), ('utf-16-le',)],
    'format': [(), (1, 2)], 'format_map': [({},)],
    'translate': [({ord('l'): 'L', ord('o'): None},), (str.maketrans('lo', '01'),), ([],)],
}
for name in sorted(argsets):
    for s in subjects:
        for a in argsets[name]:
            try:
                r = getattr(s, name)(*a)
            except Exception as e:
                r = '!' + type(e).__name__ + ': ' + str(e)
            print(name, repr(s), a, repr(r))
kw = [('split', {'sep': ',', 'maxsplit': 1}), ('rsplit', {'maxsplit': 1}), ('splitlines', {'keepends': True}),
      ('expandtabs', {'tabsize': 2}), ('encode', {'encoding': 'ascii', 'errors': 'ignore'}),
      ('replace', {'count': 1}), ('find', {'sub': 'o'}), ('center', {'width': 3})]
for name, k in kw:
    try:
        print(name, k, repr(getattr('a, b\tc\nd', name)(**k)))
    except Exception as e:
        print(name, k, '!' + type(e).__name__, e)
missing = sorted(n for n in dir(str) if not n.startswith('_') and n not in argsets)
print('untested', missing)
