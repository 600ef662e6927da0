# The real bisect module (with its pure-Python fallback for _bisect).
import bisect
from bisect import bisect_left, bisect_right, insort, insort_left
a = [1, 2, 4, 4, 8]
print(bisect_left(a, 4), bisect_right(a, 4), bisect.bisect(a, 4), bisect_left(a, 0), bisect_right(a, 9))
print(bisect_left(a, 4, 3), bisect_right(a, 4, 0, 2))
insort(a, 3)
insort_left(a, 4)
print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [("a", 5), ("b", 1), ("c", 3)]
recs.sort(key=lambda r: r[1])
print(bisect_left(recs, 3, key=lambda r: r[1]), recs)
insort(recs, ("d", 2), key=lambda r: r[1])
print(recs)
try:
    bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
