# An exception raised while a module body runs: the traceback shows the
# importing line and the module's frames.
import sys
try:
    import imp_bad.raises
except ZeroDivisionError as e:
    print("caught", e, "imp_bad.raises" in sys.modules, "imp_bad" in sys.modules)
import imp_bad.raises
