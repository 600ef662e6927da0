import sys
sys.setrecursionlimit(60)
def down(n):
    return down(n + 1)
def a(n):
    return b(n)
def b(n):
    return a(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught:", e)
a(0)
