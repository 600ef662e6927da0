# dir() of every built-in type pyvm has: its data descriptors (getset and
# member) for all, and the whole sorted dir() for the types that match
# CPython's completely (classmethod_descriptor is left out: pyvm's
# dict.fromkeys and the like are classmethod objects)
import sys, types
def _g():
    yield 1
async def _c():
    pass
class _K:
    def m(self): pass
_co = _c()
TYPES = [
    ('int', lambda: int), ('bool', lambda: bool), ('float', lambda: float), ('complex', lambda: complex), ('str', lambda: str),
    ('bytes', lambda: bytes), ('bytearray', lambda: bytearray), ('list', lambda: list), ('tuple', lambda: tuple),
    ('dict', lambda: dict), ('set', lambda: set), ('frozenset', lambda: frozenset), ('range', lambda: range),
    ('slice', lambda: slice), ('memoryview', lambda: memoryview), ('type', lambda: type), ('object', lambda: object),
    ('NoneType', lambda: type(None)), ('NotImplementedType', lambda: type(NotImplemented)), ('ellipsis', lambda: type(...)),
    ('dict_keys', lambda: type({}.keys())), ('dict_values', lambda: type({}.values())), ('dict_items', lambda: type({}.items())),
    ('list_iterator', lambda: type(iter([]))), ('tuple_iterator', lambda: type(iter(()))),
    ('str_iterator', lambda: type(iter(''))), ('range_iterator', lambda: type(iter(range(1)))),
    ('set_iterator', lambda: type(iter(set()))), ('dict_keyiterator', lambda: type(iter({}))),
    ('dict_valueiterator', lambda: type(iter({}.values()))), ('dict_itemiterator', lambda: type(iter({}.items()))),
    ('bytes_iterator', lambda: type(iter(b''))), ('list_reverseiterator', lambda: type(reversed([]))),
    ('function', lambda: type(_g)), ('method', lambda: type(_K().m)), ('property', lambda: property),
    ('staticmethod', lambda: staticmethod), ('classmethod', lambda: classmethod), ('super', lambda: super),
    ('generator', lambda: type(_g())), ('coroutine', lambda: type(_co)), ('module', lambda: type(sys)),
    ('code', lambda: type(_g.__code__)), ('cell', lambda: types.CellType), ('mappingproxy', lambda: types.MappingProxyType),
    ('builtin_function_or_method', lambda: type(len)), ('method_descriptor', lambda: type(list.append)),
    ('wrapper_descriptor', lambda: type(int.__add__)), ('method-wrapper', lambda: type((1).__add__)),
    ('getset_descriptor', lambda: type(int.real)), ('member_descriptor', lambda: type(slice.start)),
    ('enumerate', lambda: enumerate), ('zip', lambda: zip), ('map', lambda: map), ('filter', lambda: filter), ('reversed', lambda: reversed),
    ('BaseException', lambda: BaseException), ('Exception', lambda: Exception), ('OSError', lambda: OSError),
    ('StopIteration', lambda: StopIteration), ('SyntaxError', lambda: SyntaxError), ('KeyError', lambda: KeyError),
    ('UnicodeDecodeError', lambda: UnicodeDecodeError), ('ImportError', lambda: ImportError), ('NameError', lambda: NameError),
    ('AttributeError', lambda: AttributeError), ('SystemExit', lambda: SystemExit),
    ('frame', lambda: type(sys._getframe())), ('traceback', lambda: types.TracebackType),
    ('GenericAlias', lambda: types.GenericAlias), ('UnionType', lambda: types.UnionType),
    ('SimpleNamespace', lambda: types.SimpleNamespace),
]
_co.close()
import builtins as _b
_seen = {n for n, _ in TYPES}
for _n in sorted(dir(_b)):
    _v = getattr(_b, _n)
    if isinstance(_v, type) and issubclass(_v, BaseException) and _n not in _seen:
        TYPES.append((_n, (lambda v=_v: v)))

FULL = ['int', 'bool', 'str', 'bytes', 'bytearray', 'range', 'slice', 'memoryview', 'object', 'NoneType', 'ellipsis', 'dict_keys', 'dict_values', 'dict_items', 'set_iterator', 'dict_keyiterator', 'dict_valueiterator', 'dict_itemiterator', 'function', 'method', 'super', 'module', 'cell', 'builtin_function_or_method', 'method_descriptor', 'wrapper_descriptor', 'method-wrapper', 'getset_descriptor', 'member_descriptor', 'map', 'filter', 'BaseException', 'Exception', 'OSError', 'StopIteration', 'SyntaxError', 'KeyError', 'UnicodeDecodeError', 'ImportError', 'NameError', 'AttributeError', 'SystemExit', 'frame', 'traceback', 'SimpleNamespace', 'ArithmeticError', 'AssertionError', 'BlockingIOError', 'BrokenPipeError', 'BufferError', 'BytesWarning', 'ChildProcessError', 'ConnectionAbortedError', 'ConnectionError', 'ConnectionRefusedError', 'ConnectionResetError', 'DeprecationWarning', 'EOFError', 'EncodingWarning', 'EnvironmentError', 'FileExistsError', 'FileNotFoundError', 'FloatingPointError', 'FutureWarning', 'GeneratorExit', 'IOError', 'ImportWarning', 'IndentationError', 'IndexError', 'InterruptedError', 'IsADirectoryError', 'KeyboardInterrupt', 'LookupError', 'MemoryError', 'ModuleNotFoundError', 'NotADirectoryError', 'NotImplementedError', 'OverflowError', 'PendingDeprecationWarning', 'PermissionError', 'ProcessLookupError', 'RecursionError', 'ReferenceError', 'ResourceWarning', 'RuntimeError', 'RuntimeWarning', 'StopAsyncIteration', 'SyntaxWarning', 'SystemError', 'TabError', 'TimeoutError', 'TypeError', 'UnboundLocalError', 'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError', 'UnicodeWarning', 'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError']
def kinds(T):
    out = []
    for n in dir(T):
        if n in ('__class__', '__doc__', '__weakref__'):
            continue    # not descriptors in pyvm's dicts: answered elsewhere
        for k in T.__mro__:
            if n in k.__dict__:
                if type(k.__dict__[n]).__name__ in ('getset_descriptor', 'member_descriptor'):
                    out.append(n)
                break
    return out
for name, T in TYPES:
    T = T()
    print(name, kinds(T))
    if name in FULL:
        print(' ', sorted(dir(T)))
