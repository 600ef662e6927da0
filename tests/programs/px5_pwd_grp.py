# px5: pwd and grp: struct sequences, lookups, KeyError messages, and the
# stdlib users (getpass.getuser, os.path.expanduser('~name'), shutil.chown,
# subprocess user=/group=/extra_groups=).  No ids or names are printed.
import grp
import os
import pwd
import shutil
import subprocess
import sys
import tempfile


def t(f):
    try:
        r = f()
        print('ok', type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


me = pwd.getpwuid(os.getuid())
print(type(me), type(me).__mro__, me.n_fields, me.n_sequence_fields, me.n_unnamed_fields)
print(me.pw_uid == os.getuid(), me[2] == me.pw_uid, len(me), pwd.struct_passwd.__match_args__)
print(pwd.getpwnam(me.pw_name) == me, isinstance(me.pw_dir, str), isinstance(me.pw_shell, str))
print(any(p.pw_uid == me.pw_uid for p in pwd.getpwall()), type(pwd.getpwall()))
print(repr(me).startswith('pwd.struct_passwd(pw_name='))
for f, a in [(pwd.getpwnam, 'nosuchuserxx'), (pwd.getpwnam, 1), (pwd.getpwuid, 'x'),
             (pwd.getpwuid, 987654), (pwd.getpwuid, -1), (pwd.getpwuid, 2**40),
             (pwd.getpwnam, 'a\0b'), (grp.getgrnam, 'nosuchgrp'), (grp.getgrgid, 987654),
             (grp.getgrgid, 'x'), (grp.getgrnam, 3), (grp.getgrgid, -1), (grp.getgrgid, 2**40),
             (grp.getgrgid, 2**32 - 1), (pwd.getpwuid, 2**32 - 1)]:
    t(lambda: f(a))
t(lambda: pwd.getpwnam())
t(lambda: pwd.getpwnam(name='root'))
t(lambda: grp.getgrgid(id=os.getgid()))
t(lambda: grp.getgrnam(name=grp.getgrgid(os.getgid()).gr_name))

g = grp.getgrgid(os.getgid())
print(type(g), g.n_fields, g.gr_gid == os.getgid(), type(g.gr_mem), grp.getgrnam(g.gr_name) == g)
print(any(x.gr_gid == g.gr_gid for x in grp.getgrall()))
print(pwd.struct_passwd(('a', 'b', 1, 2, 'c', 'd', 'e')))
print(grp.struct_group(('a', 'b', 1, ['x'])))
t(lambda: pwd.struct_passwd(('a',)))

import getpass
os.environ.pop('LOGNAME', None)
os.environ.pop('USER', None)
os.environ.pop('LNAME', None)
os.environ.pop('USERNAME', None)
print(getpass.getuser() == me.pw_name)
print(os.path.expanduser('~' + me.pw_name) == me.pw_dir.rstrip('/') or me.pw_dir == '/')
print(os.path.expanduser('~nosuchuserxx/a'))
home = os.environ.pop('HOME', None)
print(os.path.expanduser('~') == (me.pw_dir.rstrip('/') or '/'))

d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
open(p, 'w').close()
shutil.chown(p, user=me.pw_name)
shutil.chown(p, group=g.gr_name)
shutil.chown(p, user=os.getuid(), group=os.getgid())
print(os.stat(p).st_uid == os.getuid(), os.stat(p).st_gid == os.getgid())
t(lambda: shutil.chown(p))
t(lambda: shutil.chown(p, user='nosuchuserxx'))
t(lambda: shutil.chown(p, group='nosuchgrp'))
os.unlink(p)
os.rmdir(d)

r = subprocess.run([sys.executable, '-c', 'import os; print(os.getuid() == os.geteuid())'],
                   user=me.pw_name, group=g.gr_name, extra_groups=[g.gr_name],
                   capture_output=True, text=True)
print(r.returncode, r.stdout)
t(lambda: subprocess.run(['true'], user='nosuchuserxx'))
t(lambda: subprocess.run(['true'], group='nosuchgrp'))
t(lambda: subprocess.run(['true'], extra_groups=['nosuchgrp']))
