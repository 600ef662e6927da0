import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, e.args)
try:
    sys.exit("msg")
except SystemExit as e:
    print("caught", repr(e.code))
try:
    raise SystemExit
except SystemExit as e:
    print("bare", e.code)
try:
    sys.exit(1)
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException catches", type(e).__name__)
print("done")
sys.exit(False)
