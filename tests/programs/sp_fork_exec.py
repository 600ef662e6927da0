# _posixsubprocess.fork_exec: the TypeErrors and ValueErrors of each argument
import _posixsubprocess, os
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def mk(**kw):
    names = ['args','exe','close_fds','keep','cwd','env','p2cr','p2cw','c2pr','c2pw','er','ew','epr','epw','rs','ss','pg','gid','groups','uid','umask','pre','vfork']
    d = dict(args=[b'/bin/true'], exe=[b'/bin/true'], close_fds=False, keep=(), cwd=None, env=None, p2cr=-1,p2cw=-1,c2pr=-1,c2pw=-1,er=-1,ew=-1,epr=-1,epw=-1, rs=True, ss=False, pg=-1, gid=None, groups=None, uid=None, umask=-1, pre=None, vfork=True)
    d.update(kw)
    return [d[n] for n in names]
t(lambda: _posixsubprocess.fork_exec(*mk(exe=['/bin/true'])))
t(lambda: _posixsubprocess.fork_exec(*mk(exe=5)))
t(lambda: _posixsubprocess.fork_exec(*mk(env=['A=b'])))
t(lambda: _posixsubprocess.fork_exec(*mk(env=5)))
t(lambda: _posixsubprocess.fork_exec(*mk(args=(x for x in [b'/bin/true']))) > 0)
t(lambda: _posixsubprocess.fork_exec(*mk(cwd=5)))
t(lambda: _posixsubprocess.fork_exec(*mk(gid='x')))
t(lambda: _posixsubprocess.fork_exec(*mk(uid='x')))
t(lambda: _posixsubprocess.fork_exec(*mk(groups='x')))
t(lambda: _posixsubprocess.fork_exec(*mk(groups=['x'])))
t(lambda: _posixsubprocess.fork_exec(*mk(rs='x')))
t(lambda: _posixsubprocess.fork_exec(*mk(keep=('a',))))
t(lambda: _posixsubprocess.fork_exec(*mk(pg='a')))
t(lambda: _posixsubprocess.fork_exec(*mk(umask=1<<40)))
os.waitpid(-1, 0)
