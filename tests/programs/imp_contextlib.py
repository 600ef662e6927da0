# The real contextlib module.
import contextlib
from contextlib import contextmanager, suppress, closing, ExitStack, nullcontext, redirect_stdout
import io
@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag("b") as t:
    print("inside", t)
with suppress(KeyError, ValueError):
    {}["x"]
print("suppressed")
class Res:
    def close(self):
        print("closed")
with closing(Res()):
    pass
with ExitStack() as st:
    for i in range(3):
        st.callback(print, "callback", i)
    print("stack body")
with nullcontext(5) as v:
    print(v)
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
@contextmanager
def fails():
    yield
try:
    with fails():
        raise RuntimeError("boom")
except RuntimeError as e:
    print("RuntimeError:", e)
