# px5: syslog: the calls and the constants (not what reaches the log).
import syslog


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(sorted((k, v) for k, v in vars(syslog).items() if isinstance(v, int)))
print(sorted(k for k in dir(syslog) if not k.startswith('_') and not k.isupper()))
t(lambda: syslog.syslog())
t(lambda: syslog.syslog(1))
t(lambda: syslog.syslog(b'x'))
t(lambda: syslog.syslog('a', 'b'))
t(lambda: syslog.syslog(1, 2, 3))
t(lambda: syslog.syslog('before openlog'))
t(lambda: syslog.openlog(5))
t(lambda: syslog.openlog(ident='px5', logoption=syslog.LOG_PID, facility=syslog.LOG_USER))
t(lambda: syslog.openlog('x', 'y'))
t(lambda: syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_ERR)))
t(lambda: syslog.setlogmask(0))
t(lambda: syslog.setlogmask(0xff))
t(lambda: syslog.setlogmask('x'))
t(lambda: syslog.LOG_MASK(3))
t(lambda: syslog.LOG_UPTO(3))
t(lambda: syslog.LOG_MASK('x'))
t(lambda: [syslog.LOG_MASK(p) for p in range(8)])
t(lambda: syslog.syslog(syslog.LOG_DEBUG, 'masked'))
t(lambda: syslog.syslog(syslog.LOG_INFO | syslog.LOG_LOCAL0, 'info'))
t(lambda: syslog.closelog())
t(lambda: syslog.closelog())
t(lambda: syslog.openlog())
t(lambda: syslog.openlog(None, 0, syslog.LOG_DAEMON))
t(lambda: syslog.closelog())
