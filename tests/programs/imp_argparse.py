# The real argparse module.
import argparse
p = argparse.ArgumentParser(prog="tool", description="A test tool.")
p.add_argument("files", nargs="*", help="input files")
p.add_argument("-n", "--count", type=int, default=3, help="how many")
p.add_argument("-v", "--verbose", action="store_true")
p.add_argument("--mode", choices=["a", "b"], default="a")
ns = p.parse_args(["x.txt", "y.txt", "-n", "5", "--verbose", "--mode", "b"])
print(ns.files, ns.count, ns.verbose, ns.mode, vars(ns) == {"files": ["x.txt", "y.txt"], "count": 5, "verbose": True, "mode": "b"})
print(p.parse_args([]))
print(p.format_usage(), end="")
print(p.format_help(), end="")
sub = argparse.ArgumentParser(prog="git")
sp = sub.add_subparsers(dest="cmd")
c = sp.add_parser("commit")
c.add_argument("-m")
print(sub.parse_args(["commit", "-m", "msg"]))
try:
    p.parse_args(["--count", "x"])
except SystemExit as e:
    print("exit", e.code)
