# px5: os.stat_result, os.terminal_size, os.uname_result, os.times_result,
# os.statvfs_result and pwd/grp/resource/time ones as C struct sequences:
# type, repr, n_fields, the unnamed int times, indexing, pickling, copying,
# construction errors, pattern matching.
import copy
import os
import pickle
import time

s = os.stat('.')
print(type(s), type(s).__mro__, s.n_fields, s.n_sequence_fields, s.n_unnamed_fields, len(s))
print(s[7] == int(s.st_atime), type(s.st_atime), s.st_atime_ns // 10**9 == s[7],
      s.st_mtime_ns // 10**9 == s[8], s[9] == int(s.st_ctime), s[0] == s.st_mode)
print(abs(s.st_mtime - s.st_mtime_ns / 1e9) < 1e-6, type(s.st_blocks), type(s.st_rdev))
print(s.__reduce__()[0], len(s.__reduce__()[1][0]), sorted(s.__reduce__()[1][1]))
print(pickle.loads(pickle.dumps(s)) == s, type(s).__module__, type(s).__qualname__,
      type(s).__name__)
s2 = pickle.loads(pickle.dumps(s))
print(s2.st_atime_ns == s.st_atime_ns, s2.st_atime == s.st_atime, copy.copy(s) == s,
      copy.deepcopy(s).st_ino == s.st_ino)
print(os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
x = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(x.st_atime, x.st_mtime, x.st_ctime, x.st_blksize, x.st_atime_ns, x[7:])
print(os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10), {'st_atime': 2.5, 'st_rdev': 9}).st_atime,
      os.stat_result(tuple(range(10)), {'st_rdev': 9}).st_rdev)
print(os.stat_result.__match_args__)
print(repr(os.stat_result(tuple(range(10)))))
print([a for a in dir(os.stat_result) if not a.startswith('__')])
mode, ino, *rest = s
print(mode == s.st_mode, len(rest), s[:2] == (s.st_mode, s.st_ino), s[-1] == s[9])
print(os.lstat('.') == os.stat('.'), os.fstat(0).n_fields)
match s:
    case os.stat_result(st_mode=m, st_size=z):
        print('match', m == s.st_mode, z == s.st_size)

t = os.terminal_size((80, 24))
print(t, t.n_fields, type(t).__module__, os.terminal_size.__match_args__, t.columns, t.lines)
print(type(t).__mro__, t == (80, 24), hash(t) == hash((80, 24)))
print(pickle.loads(pickle.dumps(t)))
u = os.uname()
print(type(u), u.n_fields, type(u).__module__, os.uname_result.__match_args__)
print(u.sysname, u[0] == u.sysname, len(u), isinstance(u, tuple))
print(os.uname_result(('a', 'b', 'c', 'd', 'e')))
tm = os.times()
print(type(tm), tm.n_fields, len(tm), os.times_result.__match_args__, type(tm.user),
      tm.elapsed > 0, tm[0] == tm.user)
print(os.times_result((1.0, 2.0, 3.0, 4.0, 5.0)))
v = os.statvfs('.')
print(type(v), v.n_fields, v.n_sequence_fields, len(v), sorted(v.__reduce__()[1][1]),
      v.f_bsize > 0, v.f_namemax > 0, type(v.f_fsid))
print(os.statvfs_result((1,) * 10))
print(os.statvfs_result((1,) * 11).f_fsid, os.statvfs_result((1,) * 10).f_fsid)

for f in [lambda: os.stat_result((1,)), lambda: os.stat_result(tuple(range(20))),
          lambda: os.uname_result(('a',)), lambda: os.terminal_size((1, 2, 3)),
          lambda: os.terminal_size(5), lambda: os.times_result([1]),
          lambda: os.statvfs_result((1,) * 12), lambda: os.stat_result((1,) * 10, 5),
          lambda: s.__setattr__('st_mode', 1), lambda: s.__setitem__(0, 1),
          lambda: os.stat_result(sequence=(1,) * 10).st_mode,
          lambda: os.terminal_size((1, 2), {'x': 1}).columns,
          lambda: os.stat_result((1,) * 10, dict={'st_ctime_ns': 5}).st_ctime_ns]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

import pwd, resource
print(type(time.localtime()).__mro__[1], type(resource.getrusage(0)).__module__,
      pwd.struct_passwd.n_unnamed_fields)
