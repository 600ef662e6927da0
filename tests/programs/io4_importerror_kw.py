# ImportError(msg, name=..., path=...): the keywords become attributes
e = ImportError('x', name='y'); print(e.name, e.path, e.args, str(e))
e = ImportError('x', path='p'); print(e.name, e.path)
e = ModuleNotFoundError('x', name='y'); print(e.name, type(e).__name__)
e = ImportError(); print(e.name, e.path, repr(e))
try:
    ImportError('x', bogus=1)
except TypeError as t:
    print(t)
try:
    import nonexistent_mod_q
except ImportError as x:
    print(x.name, x.path)
try:
    raise ImportError('cannot', name='mod', path='/some/where.py')
except ImportError as x:
    print(x, x.name, x.path)
