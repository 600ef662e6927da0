# The zlib module's names, its types and their attributes, and what cannot
# be done with its objects (pickling, instantiating, subclassing).
import zlib, sys, pickle
print('zlib' in sys.builtin_module_names)
print(sorted(k for k in dir(zlib)))
print(zlib.__name__, zlib.__spec__.origin if zlib.__spec__ else None)
c = zlib.compressobj()
try:
    pickle.dumps(c)
except Exception as e:
    print(type(e).__name__, e)
try:
    type(c)()
except Exception as e:
    print(type(e).__name__, e)
try:
    class X(type(c)): pass
except Exception as e:
    print(type(e).__name__, e)
print(sorted(k for k in dir(c) if not k.startswith('__')))
print(sorted(k for k in dir(zlib.decompressobj()) if not k.startswith('__')))
print(type(zlib.compress), zlib.compress.__name__)
print(zlib.error('x'), repr(zlib.error('x')))
