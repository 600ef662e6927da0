# logging: basicConfig, loggers and levels, formatters, handlers to
# stdout/stderr/StringIO, filters, custom levels, exception tracebacks.
import logging
import sys
import io

logging.basicConfig(level=logging.DEBUG, format='%(levelname)s:%(name)s:%(message)s', stream=sys.stdout)
log = logging.getLogger('app')
log.debug('debug %d', 1)
log.info('info %s', 'two')
log.warning('warn')
log.error('error %r', {'k': 3})
log.critical('crit')
print(log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG), logging.getLevelName(30), logging.getLevelName('ERROR'))

child = logging.getLogger('app.sub')
print(child.parent is log, child.name, child.getEffectiveLevel())
child.setLevel(logging.WARNING)
child.info('hidden')
child.warning('child warning')

# a handler to stderr with its own formatter
h = logging.StreamHandler(sys.stderr)
h.setFormatter(logging.Formatter('[%(levelname)-8s] %(name)s - %(message)s'))
other = logging.getLogger('other')
other.propagate = False
other.addHandler(h)
other.setLevel(logging.INFO)
other.info('to stderr')
other.debug('not shown')

# exception with traceback; the code runs from a string so that the
# traceback has no source lines to read (linecache, tokenize.open)
src = """
def fail(n):
    return n / 0
try:
    fail(1)
except ZeroDivisionError:
    log.exception('it failed')
try:
    {}['missing']
except KeyError as e:
    log.error('lookup: %s', e, exc_info=True)
log.warning('no exception', exc_info=False)
"""
exec(compile(src, '<generated>', 'exec'), {'log': log})

# into a StringIO
s = io.StringIO()
sh = logging.StreamHandler(s)
sh.setFormatter(logging.Formatter('%(levelname)s|%(message)s|%(funcName)s|%(lineno)d|%(module)s'))
mem = logging.getLogger('mem')
mem.addHandler(sh)
mem.propagate = False
def f():
    mem.warning('from f')
f()
mem.error('args %s %s', 1, [2])
print(repr(s.getvalue()))

# filters and levels
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.msg.endswith(('1', '3'))
mem.addFilter(OnlyOdd())
for i in range(4):
    mem.warning('n%d' % i)
print(s.getvalue().splitlines()[-2:])
logging.addLevelName(25, 'NOTICE')
log.log(25, 'custom level')
print(logging.getLevelName(25))
logging.disable(logging.ERROR)
log.error('disabled')
logging.disable(logging.NOTSET)
log.error('enabled again')
print(logging.root.level, len(logging.root.handlers))
logging.warning('root warning')
la = logging.LoggerAdapter(log, {'x': 1})
la.info('adapter')
logging.shutdown()
