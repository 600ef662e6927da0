# the trace module: Trace(count=1, trace=0).runfunc and its line counts;
# Trace(trace=1) prints each line run; the calling relationships.
import os
import sys
import trace

def classify(n):
    kinds = []
    for i in range(n):
        if i % 2:
            kinds.append('odd')
        else:
            kinds.append('even')
    return kinds

def outer():
    return classify(3) + classify(2)

t = trace.Trace(count=1, trace=0)
print(t.runfunc(classify, 5))
counts = t.results().counts
for (filename, lineno), n in sorted(counts.items()):
    print(os.path.basename(filename), lineno, n)

t = trace.Trace(count=0, trace=0, countfuncs=1)
t.runfunc(outer)
for (filename, modname, funcname) in sorted(t.results().calledfuncs):
    print(os.path.basename(filename), modname, funcname)

t = trace.Trace(count=0, trace=0, countcallers=1)
t.runfunc(outer)
# (the caller inside trace.py is named by gc.get_referrers: left out)
for (caller, callee) in sorted(t.results().callers):
    if caller[0] == callee[0]:
        print(caller[2], '->', callee[2])

t = trace.Trace(count=0, trace=1)
t.runfunc(classify, 2)
print(sys.gettrace())
