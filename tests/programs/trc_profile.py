# profile.py (the pure-Python profiler on sys.setprofile): call counts of
# Python and built-in functions through pstats; times are not printed.
import os
import profile
import pstats
import re

def square(x):
    return x * x

def total(n):
    s = 0
    for i in range(n):
        s += square(i)
    return max(s, len([s]))

def main():
    return total(4) + total(2)

def label(key):
    filename, line, name = key
    name = re.sub('0x[0-9a-f]+', '0x...', name)
    return '%s:%d(%s)' % (os.path.basename(filename), line, name)

pr = profile.Profile()
print(pr.runcall(main))
st = pstats.Stats(pr)
for key in sorted(st.stats, key=label):
    cc, nc, tt, ct, callers = st.stats[key]
    print('%-40s %d %d %s' % (label(key), nc, cc, sorted(label(c) for c in callers)))

pr = profile.Profile()
pr.runctx('square(7)', globals(), {})
st = pstats.Stats(pr)
print(sorted(label(k) for k in st.stats))
