import sys
print(sys.version_info[:2] >= (3, 11), sys.version_info.major)
print(type(sys.argv).__name__, len(sys.argv) >= 1, sys.argv[0].endswith("import_sys_basic.py"))
print(sys.maxsize == 2 ** 63 - 1, sys.getrecursionlimit())
sys.stdout.write("direct write\n")
sys.stderr.write("error stream\n")
print(type(sys.modules).__name__, "sys" in sys.modules)
print(sys.byteorder, sys.platform.startswith("linux"))
import sys as system
print(system is sys)
from sys import argv, maxsize
print(argv is sys.argv, maxsize > 0)
