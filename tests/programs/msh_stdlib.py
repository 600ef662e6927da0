# marshal through the standard library: pstats loads a marshalled stats file, pkgutil's marshal use
import marshal, os, pstats, tempfile, io
stats = {('a.py', 1, 'f'): (2, 2, 0.5, 1.0, {('a.py', 9, 'main'): (2, 2, 0.5, 1.0)}),
         ('a.py', 9, 'main'): (1, 1, 0.25, 1.25, {})}
path = os.path.join(tempfile.mkdtemp(), 'prof.stats')
with open(path, 'wb') as f:
    marshal.dump(stats, f)
s = pstats.Stats(path, stream=io.StringIO())
print(s.total_calls, s.prim_calls, s.total_tt, sorted(s.stats))
out = io.StringIO()
s.stream = out
s.sort_stats('cumulative').print_stats()
print('\n'.join(line for line in out.getvalue().splitlines() if 'a.py' in line))
s.dump_stats(path)
with open(path, 'rb') as f:
    print(marshal.load(f) == s.stats)
