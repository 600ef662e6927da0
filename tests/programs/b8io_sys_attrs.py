# sys: the interpreter facts a program may read (deterministic ones only).
import sys
print(type(sys.argv), len(sys.argv), sys.argv[0])
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform, sys.maxunicode)
print(type(sys.version), sys.version[:5], sys.version_info[:2], sys.version_info.major,
      sys.version_info.minor, sys.version_info >= (3, 11), sys.version_info < (3, 12))
print(type(sys.version_info).__name__, len(sys.version_info), tuple(sys.version_info)[:3] == sys.version_info[:3])
print(sys.hexversion >> 16, hex(sys.hexversion)[:6], sys.api_version, sys.float_repr_style, repr(sys.abiflags))
print(sys.implementation.name, sys.implementation.version[:2], sys.implementation.version == sys.version_info)
print(type(sys.path), all(isinstance(p, str) for p in sys.path), type(sys.modules), sys.modules['sys'] is sys,
      '__main__' in sys.modules, sys.modules['__main__'].__name__)
print(type(sys.builtin_module_names).__name__, 'sys' in sys.builtin_module_names, 'builtins' in sys.builtin_module_names)
print(type(sys.stdlib_module_names).__name__, len(sys.stdlib_module_names), 'os' in sys.stdlib_module_names,
      'json' in sys.stdlib_module_names, 'numpy' in sys.stdlib_module_names)
print(sys.copyright.splitlines()[0])
print(type(sys.executable), type(sys.prefix), sys.platlibdir, type(sys.orig_argv))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info[0])
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits, sys.hash_info.modulus, sys.hash_info.inf)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(sys.thread_info.name, sys.thread_info[0])
print(sys.flags.optimize, sys.flags.verbose, sys.flags.debug, sys.flags.inspect, sys.flags.isolated,
      sys.flags.dev_mode, sys.flags.safe_path, type(sys.flags).__name__, len(sys.flags) >= 16)
print(sys.is_finalizing(), sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
for bad in (0, -1.5, 'x'):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
print(type(sys.warnoptions), sys._xoptions, type(sys.path_importer_cache), type(sys.meta_path))
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(e)
try:
    sys.setrecursionlimit('a')
except TypeError as e:
    print(e)
a = sys.intern('hello' + str(1))
b = sys.intern('hello1')
print(a is b, a == 'hello1')
try:
    sys.intern(1)
except TypeError as e:
    print(e)
print(sys.getsizeof(1) > 0, sys.getsizeof([]) > 0, type(sys.getsizeof('abc')), sys.getsizeof(object(), 7) > 0)
print(type(sys.getrefcount(object())), sys.getrefcount(object()) > 0)
print(sys.getdlopenflags(), sys.get_coroutine_origin_tracking_depth())
