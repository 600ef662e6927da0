# os and os.path (the real modules over the C posix module).
import os
import os.path
import gc
print(os.name, os.sep, os.path.join("a", "b", "c.txt"), os.path.splitext("x/y.tar.gz"), os.path.basename("/p/q.py"))
print(os.path.dirname("/p/q.py"), os.path.normpath("a//b/../c/."), os.path.isabs("/x"), os.path.split("a/b"))
print(sorted(os.listdir("imp_pkg")), os.path.isdir("imp_pkg"), os.path.isfile("imp_os.py"), os.path.exists("nope"))
print(sorted(e.name for e in os.scandir("imp_pkg/sub") if e.is_file() and e.name.endswith(".py")))
print(os.getcwd() == os.path.abspath("."), os.path.getsize("imp_pkg/sub/__init__.py") > 0, os.fspath("p"))
os.environ["PYVM_TEST_VAR"] = "value"
print(os.environ.get("PYVM_TEST_VAR"), os.getenv("NO_SUCH_VAR_XYZ", "dflt"), "PYVM_TEST_VAR" in os.environ)
try:
    os.stat("no/such/file")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
st = os.stat("imp_os.py")
print(st.st_size == os.path.getsize("imp_os.py"), os.path.relpath("imp_pkg/sub", "imp_pkg"))
print(gc.collect() >= 0, gc.isenabled(), len(os.urandom(4)))
