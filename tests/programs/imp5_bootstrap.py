# importlib._bootstrap / _bootstrap_external and the _frozen_importlib aliases
import sys
import importlib
import importlib._bootstrap as bs
import importlib._bootstrap_external as bse
import importlib.machinery as mach
import importlib.util
import _frozen_importlib
import _frozen_importlib_external
import os
import tempfile

print(bs is _frozen_importlib, bse is _frozen_importlib_external)
print(bs.ModuleSpec is mach.ModuleSpec, bse.SourceFileLoader is mach.SourceFileLoader)
print(bse.SourcelessFileLoader is mach.SourcelessFileLoader, bse.FileFinder is mach.FileFinder)
print(bse.PathFinder is mach.PathFinder, bse.ExtensionFileLoader is mach.ExtensionFileLoader)
print(bse.MAGIC_NUMBER == importlib.util.MAGIC_NUMBER, bse.MAGIC_NUMBER[2:])
print(bse._RAW_MAGIC_NUMBER == int.from_bytes(bse.MAGIC_NUMBER, 'little'))
print(bse.path_sep, bse.path_separators, bse.SOURCE_SUFFIXES, bse.BYTECODE_SUFFIXES)
print(bse._path_join('a', 'b/', 'c'), bse._path_split('x/y/z.py'), bse._path_split('z.py'))
print(bse._pack_uint32(258), bse._unpack_uint32(b'\x02\x01\x00\x00'), bse._unpack_uint16(b'\x01\x01'))
print(bse.cache_from_source('/p/q/mod.py') == importlib.util.cache_from_source('/p/q/mod.py'))
print(bse.source_from_cache(bse.cache_from_source('/p/q/mod.py')))
print(bse.decode_source(b'# -*- coding: latin-1 -*-\nx = "\xe9"\r\n'))
print(bs._ERR_MSG.format('zz'), bs._resolve_name('c', 'a.b', 1))
print([type(f).__name__ if not isinstance(f, type) else f.__name__ for f in sys.meta_path[-3:]])
print(sys.meta_path[-3:])
print(sys.path_hooks[0])
print(callable(mach.FileFinder.path_hook), type(sys.path_importer_cache).__name__)
m = bs._new_module('made')
print(type(m).__name__, m.__name__)
spec = bs.spec_from_loader('made', None, origin='somewhere')
print(spec, spec.parent, spec.has_location)
mod = bs.module_from_spec(spec)
print(mod.__name__, mod.__spec__ is spec, mod.__loader__)
print(bs._builtin_from_name('math').__name__)
try:
    bs._builtin_from_name('nosuch')
except ImportError as e:
    print('ImportError', e)
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'bsmod.py')
    with open(path, 'w') as f:
        f.write('Z = "zed"\n')
    loader = bse.SourceFileLoader('bsmod', path)
    spec = bse.spec_from_file_location('bsmod', path, loader=loader)
    mod = bs._load(spec)
    print(mod.Z, sys.modules['bsmod'] is mod, mod.__spec__.name, mod.__cached__.replace(d, '<D>'))
    ns = {'__name__': 'fix'}
    bse._fix_up_module(ns, 'fix', path)
    print(sorted(ns), type(ns['__loader__']).__name__, ns['__cached__'])
    data = bse._code_to_timestamp_pyc(compile('R = 7', path, 'exec'), 123, 4)
    print(type(data).__name__, bytes(data[:16]) == bse.MAGIC_NUMBER + bytes([0] * 4) + bse._pack_uint32(123) + bse._pack_uint32(4))
    print(bse._classify_pyc(bytes(data), 'n', {}))
    bse._validate_timestamp_pyc(bytes(data), 123, 4, 'n', {})
    try:
        bse._validate_timestamp_pyc(bytes(data), 124, 4, 'n', {})
    except ImportError as e:
        print('ImportError', e)
    try:
        bse._classify_pyc(b'abcd' + bytes(data[4:]), 'n', {'name': 'n'})
    except ImportError as e:
        print('ImportError', e, e.name)
    try:
        bse._classify_pyc(bytes(data[:10]), 'n', {})
    except EOFError as e:
        print('EOFError', e)
    print(bse._calc_mode(path) & 0o200)
    bse._write_atomic(os.path.join(d, 'out.bin'), b'written')
    with open(os.path.join(d, 'out.bin'), 'rb') as f:
        print(f.read())
    del sys.modules['bsmod']
