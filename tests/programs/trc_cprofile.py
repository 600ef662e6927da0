# cProfile (the _lsprof engine) and pstats: call counts per function, the
# callers and callees pstats derives; times are not printed.
import cProfile
import io
import os
import pstats
import sys

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def helper(items):
    out = []
    for x in items:
        out.append(len(str(x)))
    return sorted(out)

def main():
    fib(6)
    helper(range(5))
    return 'ok'

def label(key):
    filename, line, name = key
    return '%s:%d(%s)' % (os.path.basename(filename), line, name)

def report(stats, title):
    print(title)
    for key in sorted(stats.stats, key=label):
        cc, nc, tt, ct, callers = stats.stats[key]
        print('  %-50s ncalls=%d primitive=%d callers=%s' % (
            label(key), nc, cc, sorted(label(c) for c in callers)))

pr = cProfile.Profile()
pr.enable()
main()
pr.disable()
report(pstats.Stats(pr), 'enable/disable')

pr = cProfile.Profile()
print(pr.runcall(helper, [10, 200, 3]))
report(pstats.Stats(pr), 'runcall')

pr = cProfile.Profile(builtins=False)
pr.runcall(helper, [1])
report(pstats.Stats(pr), 'no builtins')

# the raw entries of _lsprof
import _lsprof
p = _lsprof.Profiler()
p.enable()
fib(3)
p.disable()
rows = []
for e in p.getstats():
    name = e.code if isinstance(e.code, str) else e.code.co_name
    subs = sorted((s.code if isinstance(s.code, str) else s.code.co_name, s.callcount,
                   s.reccallcount) for s in (e.calls or []))
    rows.append((name, e.callcount, e.reccallcount, subs, type(e.totaltime).__name__))
for r in sorted(rows):
    print(r)
print(type(p.getstats()[0]).__name__, len(p.getstats()[0]))
p.clear()
print(p.getstats())

# cProfile.run with a sort key, output captured and filtered to the rows
pr = cProfile.Profile()
pr.runctx('fib(4)', globals(), locals())
s = io.StringIO()
st = pstats.Stats(pr, stream=s)
st.sort_stats('ncalls', 'name').print_stats()
text = s.getvalue()
print('function calls' in text, '(fib)' in text)
for line in text.splitlines():
    parts = line.split()
    if parts and parts[0][0].isdigit() and 'fib' in line:
        print(parts[0], parts[-1].split(':')[-1])

# sys.getprofile() shows the profiler while it is enabled
pr = cProfile.Profile()
pr.enable()
g = sys.getprofile()
pr.disable()
print(g is pr, sys.getprofile())
