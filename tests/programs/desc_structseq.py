# struct sequences: sys.flags, sys.float_info, sys.int_info, sys.hash_info,
# sys.version_info, sys.thread_info, time.struct_time
import sys, time, pickle, copy, re
for name in ('flags', 'float_info', 'int_info', 'hash_info', 'version_info', 'thread_info'):
    x = getattr(sys, name)
    T = type(x)
    print(name, T, T.__name__, T.__module__, T.__qualname__, T.__mro__[1:], isinstance(x, tuple))
    print(' ', T.n_fields, T.n_sequence_fields, T.n_unnamed_fields, len(x), T.__match_args__)
    print(' ', repr(T.__dict__[T.__match_args__[0]]), type(T.__dict__[T.__match_args__[0]]).__name__)
    try:
        T()
    except TypeError as e:
        print(' ', e)
# dont_write_bytecode follows PYTHONDONTWRITEBYTECODE, which differs between hosts
print(re.sub(r'dont_write_bytecode=\d', 'dont_write_bytecode=?', repr(sys.flags)))
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.algorithm, sys.hash_info[5])
print(sys.version_info[:2], sys.version_info >= (3, 8), sys.version_info.major, sys.version_info > (3, 11, 2, 'alpha'))
print(sys.thread_info.name, tuple(sys.thread_info)[:1])
f = sys.float_info
print(f.max, f.min, f.epsilon, f.dig, f.mant_dig, f[0] == f.max, f[-1], f[1:3], f.rounds)
print(sys.flags.optimize, sys.flags[3], sys.flags.dev_mode, sys.flags.int_max_str_digits)
a, b, c, d, e = sys.version_info
print(a, b, e, list(sys.version_info)[3:], hash(sys.version_info) == hash(tuple(sys.version_info)))
print(sys.version_info == tuple(sys.version_info), sys.float_info.__reduce__()[1][0] == tuple(sys.float_info))
print(sys.int_info + (1,), sys.int_info.count(4), sys.int_info.index(4))
t = time.gmtime(86400 * 365)
print(t)
print(type(t), type(t).__mro__[1:], isinstance(t, tuple), len(t), t.tm_year, t[0], t[-1], t[:3])
print(t.tm_zone, t.tm_gmtoff, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
print(time.struct_time.tm_year, time.struct_time.__match_args__)
y, mo, d, *rest = t
print(y, mo, d, rest)
u = time.struct_time((2020, 5, 17, 1, 2, 3, 6, 138, 0))
print(u, u.tm_zone, u.tm_gmtoff)
v = time.struct_time((2020, 5, 17, 1, 2, 3, 6, 138, 0, 'XYZ', 3600))
print(v.tm_zone, v.tm_gmtoff, v == u, v[:] == u[:], hash(u) == hash(tuple(u)))
w = time.struct_time([2020, 5, 17, 1, 2, 3, 6, 138, 0], {'tm_zone': 'Q'})
print(w.tm_zone, w.tm_gmtoff)
print(u.__reduce__())
print(pickle.loads(pickle.dumps(v)) == v, pickle.loads(pickle.dumps(v)).tm_zone, copy.copy(v).tm_gmtoff)
print(time.mktime(time.localtime(1000000)) == 1000000.0, time.strftime('%Y-%m-%d', u))
for bad in ((1, 2), tuple(range(12)), 5):
    try:
        time.struct_time(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    time.struct_time((1,) * 9, 5)
except TypeError as e:
    print('TypeError', e)
try:
    t.tm_year = 5
except AttributeError as e:
    print('AttributeError', e)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError', e)
match sys.version_info:
    case (3, minor, *_):
        print('three', minor)
match t:
    case time.struct_time(tm_year=yy):
        print('year', yy)
print(time.struct_time(sequence=range(9), dict={}).tm_gmtoff, type(sys.float_info)((1,) * 11).max)
for f in (lambda: time.struct_time(range(9), bad=1), lambda: time.struct_time(range(9), {}, 3),
          lambda: time.struct_time(), lambda: sys.flags[100]):
    try:
        f()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(sys.flags[-1] == sys.flags.int_max_str_digits, sys.float_info[::-1][0], time.gmtime(0) < time.gmtime(1))
