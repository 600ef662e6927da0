# py_compile writes a .pyc that this implementation's import loads back;
# the header is importlib.util.MAGIC_NUMBER, flags, mtime, size
import importlib.util
import os
import py_compile
import struct
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, 'pcmod.py')
    with open(src, 'w') as f:
        f.write('def twice(x):\n    return 2 * x\nVALUE = twice(21)\nNAMES = ("a", b"b", 1.5, 2j, None, frozenset())\n')
    cfile = py_compile.compile(src, doraise=True)
    print(cfile.replace(d, '<D>'))
    print(cfile == importlib.util.cache_from_source(src))
    with open(cfile, 'rb') as f:
        data = f.read()
    st = os.stat(src)
    magic, flags, mtime, size = struct.unpack('<4sLLL', data[:16])
    print(magic == importlib.util.MAGIC_NUMBER, flags, mtime == int(st.st_mtime) & 0xFFFFFFFF,
          size == st.st_size, len(data) > 16)
    # load it back without the source
    legacy = os.path.join(d, 'pcleg.pyc')
    print(py_compile.compile(src, cfile=legacy).replace(d, '<D>'))
    loader = importlib.machinery.SourcelessFileLoader('pcleg', legacy)
    spec = importlib.util.spec_from_loader('pcleg', loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    print(mod.VALUE, mod.twice(5), mod.NAMES)
    print(mod.twice.__code__.co_filename == legacy)
    sys.path.insert(0, d)
    import pcleg
    print(pcleg.VALUE, pcleg.__file__.replace(d, '<D>'))
    sys.path.remove(d)
    # a bad magic number
    bad = os.path.join(d, 'bad.pyc')
    with open(bad, 'wb') as f:
        f.write(b'XXXX' + data[4:])
    try:
        importlib.machinery.SourcelessFileLoader('bad', bad).get_code('bad')
    except ImportError as e:
        print('ImportError', e)
    # errors in the source
    badsrc = os.path.join(d, 'broken.py')
    with open(badsrc, 'w') as f:
        f.write('x = (1,\n')
    try:
        py_compile.compile(badsrc, doraise=True)
    except py_compile.PyCompileError as e:
        print('PyCompileError', e.exc_type_name, e.msg.replace(d, '<D>').splitlines()[-1])
    print(py_compile.compile(badsrc, quiet=2))
    print(py_compile.PycInvalidationMode.TIMESTAMP, py_compile._get_default_invalidation_mode())
    # hash-based pycs: flags, the source hash (SipHash-1-3 keyed by the magic)
    hfile = os.path.join(d, 'pchash.pyc')
    py_compile.compile(src, cfile=hfile, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    with open(hfile, 'rb') as f:
        hdata = f.read()
    with open(src, 'rb') as f:
        sbytes = f.read()
    print(struct.unpack('<L', hdata[4:8])[0], hdata[8:16] == importlib.util.source_hash(sbytes))
    hmod = importlib.machinery.SourcelessFileLoader('pchash', hfile).load_module('pchash')
    print(hmod.VALUE)
    py_compile.compile(src, cfile=hfile, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    with open(hfile, 'rb') as f:
        print(struct.unpack('<L', f.read()[4:8])[0])
    import _imp
    print(_imp.source_hash(3495, b'print(1)\n'), _imp.source_hash(key=1, source=b''))
    try:
        py_compile.compile(os.path.join(d, 'nonexistent.py'), doraise=True)
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
