/* cmd/pyvm/import_bootstrap.c: importlib._bootstrap and
 * importlib._bootstrap_external (also sys.modules' _frozen_importlib and
 * _frozen_importlib_external), as Python source run when importlib is
 * first imported.
 *
 * Stage: pyvm.  CPython's two modules are its whole import system; pyvm's
 * import is module.c, in C.  These modules give the standard library the
 * names it takes from them (py_compile, compileall, modulefinder, imp,
 * pydoc, pkgutil, zipimport): mostly the classes of importlib.machinery
 * and the functions of importlib.util under their bootstrap names, plus
 * the .pyc helpers and the path-entry hook module.c calls for a sys.path
 * entry that is not a directory (a zip file: sys.path_hooks,
 * sys.path_importer_cache, as CPython's PathFinder).
 *
 * A .pyc written here is CPython's 16-byte header (MAGIC_NUMBER, flags,
 * source mtime, source size) followed by pyvm's binary code object
 * (formats/code.md) instead of marshal data; MAGIC_NUMBER is pyvm's own
 * (b'PV\r\n'), so CPython rejects such a file (and recompiles its source)
 * and pyvm rejects CPython's (formats/code.md, "pyc files").
 */
#include "cmd/pyvm/import_bootstrap.h"

#include <string.h>
#include <sys/stat.h>

#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"

const char vm_bootstrap_src[] =
    "# importlib._bootstrap: module specs and loading (_frozen_importlib)\n"
    "import sys\n"
    "import _imp\n"
    "ModuleSpec = _machinery.ModuleSpec\n"
    "BuiltinImporter = _machinery.BuiltinImporter\n"
    "FrozenImporter = _machinery.FrozenImporter\n"
    "module_from_spec = _util.module_from_spec\n"
    "spec_from_loader = _util.spec_from_loader\n"
    "_init_module_attrs = _util._init_module_attrs\n"

    "_find_spec = _util._find_spec\n"
    "_ERR_MSG_PREFIX = 'No module named '\n"
    "_ERR_MSG = _ERR_MSG_PREFIX + '{!r}'\n"
    "\n"
    "\n"
    "def _resolve_name(name, package, level):\n"
    "    bits = package.rsplit('.', level - 1)\n"
    "    if len(bits) < level:\n"
    "        raise ImportError('attempted relative import beyond top-level package')\n"
    "    base = bits[0]\n"
    "    return f'{base}.{name}' if name else base\n"
    "\n"
    "\n"
    "def _verbose_message(message, *args, verbosity=1):\n"
    "    if sys.flags.verbose >= verbosity:\n"
    "        if not message.startswith(('#', 'import ')):\n"
    "            message = '# ' + message\n"
    "        print(message.format(*args), file=sys.stderr)\n"
    "\n"
    "\n"
    "def _object_name(obj):\n"
    "    try:\n"
    "        return obj.__qualname__\n"
    "    except AttributeError:\n"
    "        return type(obj).__qualname__\n"
    "\n"
    "\n"
    "def _call_with_frames_removed(f, *args, **kwds):\n"
    "    return f(*args, **kwds)\n"
    "\n"
    "\n"
    "def _new_module(name):\n"
    "    return type(sys)(name)\n"
    "\n"
    "\n"
    "def _wrap(new, old):\n"
    "    for replace in ['__module__', '__name__', '__qualname__', '__doc__']:\n"
    "        if hasattr(old, replace):\n"
    "            setattr(new, replace, getattr(old, replace))\n"
    "    new.__dict__.update(old.__dict__)\n"
    "\n"
    "\n"
    "def _requires_builtin(fxn):\n"
    "    def _requires_builtin_wrapper(self, fullname):\n"
    "        if fullname not in sys.builtin_module_names:\n"
    "            raise ImportError('{!r} is not a built-in module'.format(fullname), name=fullname)\n"
    "        return fxn(self, fullname)\n"
    "    _wrap(_requires_builtin_wrapper, fxn)\n"
    "    return _requires_builtin_wrapper\n"
    "\n"
    "\n"
    "def _requires_frozen(fxn):\n"
    "    def _requires_frozen_wrapper(self, fullname):\n"
    "        if not _imp.is_frozen(fullname):\n"
    "            raise ImportError('{!r} is not a frozen module'.format(fullname), name=fullname)\n"
    "        return fxn(self, fullname)\n"
    "    _wrap(_requires_frozen_wrapper, fxn)\n"
    "    return _requires_frozen_wrapper\n"
    "\n"
    "\n"
    "class _ModuleLockManager:\n"
    "    # pyvm's import takes no per-module locks\n"
    "    def __init__(self, name):\n"
    "        self._name = name\n"
    "\n"
    "    def __enter__(self):\n"
    "        return self\n"
    "\n"
    "    def __exit__(self, *args):\n"
    "        return False\n"
    "\n"
    "\n"
    "def _lock_unlock_module(name):\n"
    "    pass\n"
    "\n"
    "\n"
    "def _spec_from_module(module, loader=None, origin=None):\n"
    "    try:\n"
    "        spec = module.__spec__\n"
    "    except AttributeError:\n"
    "        pass\n"
    "    else:\n"
    "        if spec is not None:\n"
    "            return spec\n"
    "    name = module.__name__\n"
    "    if loader is None:\n"
    "        loader = getattr(module, '__loader__', None)\n"
    "    location = getattr(module, '__file__', None)\n"
    "    if origin is None and location is not None:\n"
    "        origin = location\n"
    "    spec = ModuleSpec(name, loader, origin=origin)\n"
    "    spec._set_fileattr = location is not None\n"
    "    spec.cached = getattr(module, '__cached__', None)\n"
    "    spec.submodule_search_locations = getattr(module, '__path__', None)\n"
    "    return spec\n"
    "\n"
    "\n"
    "def _module_repr(module):\n"
    "    return repr(module)\n"
    "\n"
    "\n"
    "def _module_repr_from_spec(spec):\n"
    "    name = '?' if spec.name is None else spec.name\n"
    "    if spec.origin is None:\n"
    "        if spec.loader is None:\n"
    "            return '<module {!r}>'.format(name)\n"
    "        return '<module {!r} ({!r})>'.format(name, spec.loader)\n"
    "    if spec.has_location:\n"
    "        return '<module {!r} from {!r}>'.format(name, spec.origin)\n"
    "    return '<module {!r} ({})>'.format(spec.name, spec.origin)\n"
    "\n"
    "\n"
    "def _exec(spec, module):\n"
    "    name = spec.name\n"
    "    if sys.modules.get(name) is not module:\n"
    "        raise ImportError('module {!r} not in sys.modules'.format(name), name=name)\n"
    "    if spec.loader is None:\n"
    "        if spec.submodule_search_locations is None:\n"
    "            raise ImportError('missing loader', name=spec.name)\n"
    "        _init_module_attrs(spec, module, override=True)\n"
    "    else:\n"
    "        _init_module_attrs(spec, module, override=True)\n"
    "        if not hasattr(spec.loader, 'exec_module'):\n"
    "            spec.loader.load_module(name)\n"
    "        else:\n"
    "            spec.loader.exec_module(module)\n"
    "    return sys.modules[spec.name]\n"
    "\n"
    "\n"
    "def _load_unlocked(spec):\n"
    "    if spec.loader is not None and not hasattr(spec.loader, 'exec_module'):\n"
    "        module = spec.loader.load_module(spec.name)\n"
    "        return sys.modules.get(spec.name, module)\n"
    "    module = module_from_spec(spec)\n"
    "    spec._initializing = True\n"
    "    try:\n"
    "        sys.modules[spec.name] = module\n"
    "        try:\n"
    "            if spec.loader is None:\n"
    "                if spec.submodule_search_locations is None:\n"
    "                    raise ImportError('missing loader', name=spec.name)\n"
    "            else:\n"
    "                spec.loader.exec_module(module)\n"
    "        except BaseException:\n"
    "            try:\n"
    "                del sys.modules[spec.name]\n"
    "            except KeyError:\n"
    "                pass\n"
    "            raise\n"
    "        module = sys.modules.pop(spec.name)\n"
    "        sys.modules[spec.name] = module\n"
    "    finally:\n"
    "        spec._initializing = False\n"
    "    return module\n"
    "\n"
    "\n"
    "def _load(spec):\n"
    "    return _load_unlocked(spec)\n"
    "\n"
    "\n"
    "def _load_module_shim(self, fullname):\n"
    "    spec = spec_from_loader(fullname, self)\n"
    "    if fullname in sys.modules:\n"
    "        module = sys.modules[fullname]\n"
    "        _exec(spec, module)\n"
    "        return sys.modules[fullname]\n"
    "    return _load(spec)\n"
    "\n"
    "\n"
    "def _builtin_from_name(name):\n"
    "    spec = BuiltinImporter.find_spec(name)\n"
    "    if spec is None:\n"
    "        raise ImportError('no built-in module named ' + name)\n"
    "    return _load_unlocked(spec)\n"
    "\n"
    "\n"
    "def _sanity_check(name, package, level):\n"
    "    if not isinstance(name, str):\n"
    "        raise TypeError('module name must be str, not {}'.format(type(name)))\n"
    "    if level < 0:\n"
    "        raise ValueError('level must be >= 0')\n"
    "    if level > 0:\n"
    "        if not isinstance(package, str):\n"
    "            raise TypeError('__package__ not set to a string')\n"
    "        elif not package:\n"
    "            raise ImportError('attempted relative import with no known parent package')\n"
    "    if not name and level == 0:\n"
    "        raise ValueError('Empty module name')\n"
    "\n"
    "\n"
    "def _gcd_import(name, package=None, level=0):\n"
    "    _sanity_check(name, package, level)\n"
    "    if level > 0:\n"
    "        name = _resolve_name(name, package, level)\n"
    "    import importlib\n"
    "    return importlib.import_module(name)\n"
    "\n"
    "\n"
    "def _handle_fromlist(module, fromlist, import_, *, recursive=False):\n"
    "    for x in fromlist:\n"
    "        if not isinstance(x, str):\n"
    "            raise TypeError('Item in ``from list`` must be str, not {}'.format(type(x).__name__))\n"
    "        if x == '*':\n"
    "            if not recursive and hasattr(module, '__all__'):\n"
    "                _handle_fromlist(module, module.__all__, import_, recursive=True)\n"
    "        elif not hasattr(module, x):\n"
    "            try:\n"
    "                import_('{}.{}'.format(module.__name__, x))\n"
    "            except ModuleNotFoundError as exc:\n"
    "                if exc.name != '{}.{}'.format(module.__name__, x) or \\\n"
    "                        sys.modules.get(exc.name, None) is not None:\n"
    "                    raise\n"
    "    return module\n"
    "\n"
    "\n"
    "__import__ = __import__\n"
    "\n"
    "\n"
    "def _setup(sys_module, _imp_module):\n"
    "    pass\n"
    "\n"
    "\n"
    "def _install(sys_module, _imp_module):\n"
    "    pass\n"
    "\n"
    "\n"
    "def _install_external_importers():\n"
    "    pass\n"
    ;

const char vm_bootstrap_external_src[] =
    "# importlib._bootstrap_external: path-based finders and loaders, .pyc\n"
    "# files (_frozen_importlib_external)\n"
    "import sys\n"
    "import _imp\n"
    "import posix as _os\n"
    "_bootstrap = _bootstrap_mod\n"
    "BuiltinImporter = _machinery.BuiltinImporter\n"
    "FrozenImporter = _machinery.FrozenImporter\n"
    "del _bootstrap_mod\n"
    "\n"
    "path_separators = '/'\n"
    "path_sep = '/'\n"
    "path_sep_tuple = ('/',)\n"
    "_pathseps_with_colon = {':/'}\n"
    "_PYCACHE = '__pycache__'\n"
    "_OPT = 'opt-'\n"
    "SOURCE_SUFFIXES = _machinery.SOURCE_SUFFIXES\n"
    "BYTECODE_SUFFIXES = _machinery.BYTECODE_SUFFIXES\n"
    "DEBUG_BYTECODE_SUFFIXES = _machinery.DEBUG_BYTECODE_SUFFIXES\n"
    "OPTIMIZED_BYTECODE_SUFFIXES = _machinery.OPTIMIZED_BYTECODE_SUFFIXES\n"
    "EXTENSION_SUFFIXES = _machinery.EXTENSION_SUFFIXES\n"
    "MAGIC_NUMBER = _util.MAGIC_NUMBER\n"
    "_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, 'little')\n"
    "\n"
    "ModuleSpec = _machinery.ModuleSpec\n"
    "FileLoader = _machinery.FileLoader\n"
    "SourceFileLoader = _machinery.SourceFileLoader\n"
    "SourcelessFileLoader = _machinery.SourcelessFileLoader\n"
    "ExtensionFileLoader = _machinery.ExtensionFileLoader\n"
    "NamespaceLoader = _machinery.NamespaceLoader\n"
    "_NamespaceLoader = NamespaceLoader\n"
    "PathFinder = _machinery.PathFinder\n"
    "FileFinder = _machinery.FileFinder\n"
    "WindowsRegistryFinder = _machinery.WindowsRegistryFinder\n"
    "_LoaderBasics = _machinery._Basics\n"
    "SourceLoader = _machinery._SourceLoader\n"
    "cache_from_source = _util.cache_from_source\n"
    "source_from_cache = _util.source_from_cache\n"
    "decode_source = _util.decode_source\n"
    "spec_from_file_location = _util.spec_from_file_location\n"
    "\n"
    "\n"
    "def _pack_uint32(x):\n"
    "    return (int(x) & 0xFFFFFFFF).to_bytes(4, 'little')\n"
    "\n"
    "\n"
    "def _unpack_uint32(data):\n"
    "    assert len(data) == 4\n"
    "    return int.from_bytes(data, 'little')\n"
    "\n"
    "\n"
    "def _unpack_uint16(data):\n"
    "    assert len(data) == 2\n"
    "    return int.from_bytes(data, 'little')\n"
    "\n"
    "\n"
    "def _path_join(*path_parts):\n"
    "    return path_sep.join([part.rstrip(path_separators) for part in path_parts if part])\n"
    "\n"
    "\n"
    "def _path_split(path):\n"
    "    i = path.rfind('/')\n"
    "    if i < 0:\n"
    "        return '', path\n"
    "    return path[:i], path[i + 1:]\n"
    "\n"
    "\n"
    "def _path_stat(path):\n"
    "    return _os.stat(path)\n"
    "\n"
    "\n"
    "def _path_is_mode_type(path, mode):\n"
    "    try:\n"
    "        stat_info = _path_stat(path)\n"
    "    except OSError:\n"
    "        return False\n"
    "    return (stat_info.st_mode & 0o170000) == mode\n"
    "\n"
    "\n"
    "def _path_isfile(path):\n"
    "    return _path_is_mode_type(path, 0o100000)\n"
    "\n"
    "\n"
    "def _path_isdir(path):\n"
    "    if not path:\n"
    "        path = _os.getcwd()\n"
    "    return _path_is_mode_type(path, 0o040000)\n"
    "\n"
    "\n"
    "def _path_isabs(path):\n"
    "    return path.startswith('/')\n"
    "\n"
    "\n"
    "def _path_abspath(path):\n"
    "    if not _path_isabs(path):\n"
    "        path = _path_join(_os.getcwd(), path)\n"
    "    return path\n"
    "\n"
    "\n"
    "def _write_atomic(path, data, mode=0o666):\n"
    "    path_tmp = '{}.{}'.format(path, id(path))\n"
    "    fd = _os.open(path_tmp, _os.O_EXCL | _os.O_CREAT | _os.O_WRONLY, mode & 0o666)\n"
    "    try:\n"
    "        import _io\n"
    "        with _io.FileIO(fd, 'wb') as file:\n"
    "            file.write(data)\n"
    "        _os.replace(path_tmp, path)\n"
    "    except OSError:\n"
    "        try:\n"
    "            _os.unlink(path_tmp)\n"
    "        except OSError:\n"
    "            pass\n"
    "        raise\n"
    "\n"
    "\n"
    "def _calc_mode(path):\n"
    "    try:\n"
    "        mode = _path_stat(path).st_mode\n"
    "    except OSError:\n"
    "        mode = 0o666\n"
    "    mode |= 0o200\n"
    "    return mode\n"
    "\n"
    "\n"
    "def _get_sourcefile(bytecode_path):\n"
    "    if len(bytecode_path) == 0:\n"
    "        return None\n"
    "    rest, _, extension = bytecode_path.rpartition('.')\n"
    "    if not rest or extension.lower()[-3:-1] != 'py':\n"
    "        return bytecode_path\n"
    "    try:\n"
    "        source_path = source_from_cache(bytecode_path)\n"
    "    except (NotImplementedError, ValueError):\n"
    "        source_path = bytecode_path[:-1]\n"
    "    return source_path if _path_isfile(source_path) else bytecode_path\n"
    "\n"
    "\n"
    "def _get_cached(filename):\n"
    "    if filename.endswith(tuple(SOURCE_SUFFIXES)):\n"
    "        try:\n"
    "            return cache_from_source(filename)\n"
    "        except NotImplementedError:\n"
    "            pass\n"
    "    elif filename.endswith(tuple(BYTECODE_SUFFIXES)):\n"
    "        return filename\n"
    "    return None\n"
    "\n"
    "\n"
    "def _classify_pyc(data, name, exc_details):\n"
    "    magic = data[:4]\n"
    "    if magic != MAGIC_NUMBER:\n"
    "        message = f'bad magic number in {name!r}: {magic!r}'\n"
    "        _bootstrap._verbose_message('{}', message)\n"
    "        raise ImportError(message, **exc_details)\n"
    "    if len(data) < 16:\n"
    "        message = f'reached EOF while reading pyc header of {name!r}'\n"
    "        _bootstrap._verbose_message('{}', message)\n"
    "        raise EOFError(message)\n"
    "    flags = _unpack_uint32(data[4:8])\n"
    "    if flags & ~0b11:\n"
    "        message = f'invalid flags {flags!r} in {name!r}'\n"
    "        raise ImportError(message, **exc_details)\n"
    "    return flags\n"
    "\n"
    "\n"
    "def _validate_timestamp_pyc(data, source_mtime, source_size, name, exc_details):\n"
    "    if _unpack_uint32(data[8:12]) != (int(source_mtime) & 0xFFFFFFFF):\n"
    "        message = f'bytecode is stale for {name!r}'\n"
    "        _bootstrap._verbose_message('{}', message)\n"
    "        raise ImportError(message, **exc_details)\n"
    "    if source_size is not None and _unpack_uint32(data[12:16]) != (source_size & 0xFFFFFFFF):\n"
    "        raise ImportError(f'bytecode is stale for {name!r}', **exc_details)\n"
    "\n"
    "\n"
    "def _validate_hash_pyc(data, source_hash, name, exc_details):\n"
    "    if data[8:16] != source_hash:\n"
    "        raise ImportError(f'hash in bytecode doesn\\'t match hash of source {name!r}',\n"
    "                          **exc_details)\n"
    "\n"
    "\n"
    "def _compile_bytecode(data, name=None, bytecode_path=None, source_path=None):\n"
    "    # data: the .pyc body, pyvm's binary code object (not marshal data)\n"
    "    try:\n"
    "        code = _imp._pyvm_code_from_bytes(data)\n"
    "    except ValueError:\n"
    "        raise ImportError('Non-code object in {!r}'.format(bytecode_path),\n"
    "                          name=name, path=bytecode_path) from None\n"
    "    _bootstrap._verbose_message('code object from {!r}', bytecode_path)\n"
    "    if source_path is not None:\n"
    "        _imp._fix_co_filename(code, source_path)\n"
    "    return code\n"
    "\n"
    "\n"
    "def _code_to_timestamp_pyc(code, mtime=0, source_size=0):\n"
    "    data = bytearray(MAGIC_NUMBER)\n"
    "    data.extend(_pack_uint32(0))\n"
    "    data.extend(_pack_uint32(mtime))\n"
    "    data.extend(_pack_uint32(source_size))\n"
    "    data.extend(_imp._pyvm_code_to_bytes(code))\n"
    "    return data\n"
    "\n"
    "\n"
    "def _code_to_hash_pyc(code, source_hash, checked=True):\n"
    "    assert len(source_hash) == 8\n"
    "    data = bytearray(MAGIC_NUMBER)\n"
    "    data.extend(_pack_uint32(0b1 | (checked << 1)))\n"
    "    data.extend(source_hash)\n"
    "    data.extend(_imp._pyvm_code_to_bytes(code))\n"
    "    return data\n"
    "\n"
    "\n"
    "def _fix_up_module(ns, name, pathname, cpathname=None):\n"
    "    loader = ns.get('__loader__')\n"
    "    spec = ns.get('__spec__')\n"
    "    if not loader:\n"
    "        if spec:\n"
    "            loader = spec.loader\n"
    "        elif pathname == cpathname:\n"
    "            loader = SourcelessFileLoader(name, pathname)\n"
    "        else:\n"
    "            loader = SourceFileLoader(name, pathname)\n"
    "    if not spec:\n"
    "        spec = spec_from_file_location(name, pathname, loader=loader)\n"
    "    try:\n"
    "        ns['__spec__'] = spec\n"
    "        ns['__loader__'] = loader\n"
    "        ns['__file__'] = pathname\n"
    "        ns['__cached__'] = cpathname\n"
    "    except Exception:\n"
    "        pass\n"
    "\n"
    "\n"
    "def _find_module_shim(self, fullname):\n"
    "    spec = self.find_spec(fullname)\n"
    "    return None if spec is None else spec.loader\n"
    "\n"
    "\n"
    "def _get_supported_file_loaders():\n"
    "    return [(ExtensionFileLoader, EXTENSION_SUFFIXES), (SourceFileLoader, SOURCE_SUFFIXES),\n"
    "            (SourcelessFileLoader, BYTECODE_SUFFIXES)]\n"
    "\n"
    "\n"
    "def _set_bootstrap_module(_bootstrap_module):\n"
    "    global _bootstrap\n"
    "    _bootstrap = _bootstrap_module\n"
    "\n"
    "\n"
    "def _install(_bootstrap_module):\n"
    "    pass\n"
    "\n"
    "\n"
    "_hooking = set()\n"
    "\n"
    "\n"
    "def _pyvm_path_entry_load(fullname, entry):\n"
    "    # module.c asks this for a sys.path (or __path__) entry that is not a\n"
    "    # directory: its finder from sys.path_importer_cache or sys.path_hooks\n"
    "    # (zipimporter for a zip file); the module, or None when not there\n"
    "    hooks = sys.path_hooks\n"
    "    if not hooks:\n"
    "        return None     # importlib is being set up\n"

    "    cache = sys.path_importer_cache\n"
    "    try:\n"
    "        finder = cache[entry]\n"
    "    except KeyError:\n"
    "        if entry in _hooking:\n"
    "            return None     # a hook's own imports (zipimport's) come from elsewhere\n"
    "        _hooking.add(entry)\n"
    "        try:\n"
    "            finder = None\n"
    "            for hook in sys.path_hooks:\n"
    "                try:\n"
    "                    finder = hook(entry)\n"
    "                    break\n"
    "                except ImportError:\n"
    "                    continue\n"
    "        finally:\n"
    "            _hooking.discard(entry)\n"
    "        cache[entry] = finder\n"
    "    if finder is None or not hasattr(finder, 'find_spec'):\n"
    "        return None\n"
    "    spec = finder.find_spec(fullname)\n"
    "    if spec is None or spec.loader is None:\n"
    "        return None\n"
    "    return _bootstrap._load(spec)\n"
    "\n"
    "\n"
    "def _pyvm_meta_path_load(fullname, path, after):\n"
    "    # module.c: the finders on sys.meta_path other than pyvm's own three,\n"
    "    # which stand for module.c's search (import_bootstrap.h)\n"
    "    past = False\n"
    "    for finder in list(sys.meta_path):\n"
    "        if getattr(finder, '_pyvm_default', False):\n"
    "            if finder is PathFinder:\n"
    "                if not after:\n"
    "                    return None\n"
    "                past = True\n"
    "            elif not after and path is None and finder is BuiltinImporter \\\n"
    "                    and _imp.is_builtin(fullname):\n"
    "                return None\n"
    "            continue\n"
    "        if after and not past:\n"
    "            continue\n"
    "        find_spec = getattr(finder, 'find_spec', None)\n"
    "        if find_spec is None:\n"
    "            find_module = getattr(finder, 'find_module', None)\n"
    "            if find_module is None:\n"
    "                continue\n"
    "            import _warnings\n"
    "            _warnings.warn(f'{_bootstrap._object_name(finder)}.find_spec() not found; '\n"
    "                           'falling back to find_module()', ImportWarning)\n"
    "            loader = find_module(fullname, path)\n"
    "            spec = None if loader is None else _bootstrap.spec_from_loader(fullname, loader)\n"
    "        else:\n"
    "            spec = find_spec(fullname, path, None)\n"
    "        if spec is not None:\n"
    "            return _bootstrap._load(spec)\n"
    "    return None\n"
    "\n"
    "\n"
    "def _pyvm_sourceless_load(fullname, path):\n"
    "    # module.c: NAME.pyc with no NAME.py beside it\n"
    "    loader = SourcelessFileLoader(fullname, path)\n"
    "    return _bootstrap._load(spec_from_file_location(fullname, path, loader=loader))\n"
    ;

/* The module sys.modules[full] after importing pkg (NULL with the error
 * pending): _frozen_importlib is importlib._bootstrap, made when
 * importlib is. */
static Obj *alias_of(const char *pkg, const char *full)
{
    Obj *key = vm_str_intern(full, strlen(full));
    Obj *r = vm_dict_get_str(vm_sys_modules_dict(), key);
    if (r)      /* importlib's own import is making it */
        return vm_newref(r);
    Obj *m = vm_import_abs(vm_str_intern(pkg, strlen(pkg)));
    if (!m)
        return NULL;
    DECREF(m);
    r = vm_dict_get_str(vm_sys_modules_dict(), key);
    if (!r)
        return vm_err_fmt(&vm_exc_ImportError, "cannot find %s", full);
    return vm_newref(r);
}

Obj *vm_mod__frozen_importlib(void)
{
    return alias_of("importlib", "importlib._bootstrap");
}

Obj *vm_mod__frozen_importlib_external(void)
{
    return alias_of("importlib", "importlib._bootstrap_external");
}

static const char io_src[] =
    "# _io: the io module's classes and functions under CPython's C module name\n"
    "import io as _m\n"
    "for _k, _v in _m.__dict__.items():\n"
    "    if not _k.startswith('__'):\n"
    "        globals()[_k] = _v\n"
    "del _m, _k, _v\n";

Obj *vm_mod__io(void)
{
    return vm_frozen_module("_io", io_src);
}

static const char warnings_src[] =
    "# _warnings: only warn(), for modules that call it directly (zipimport).\n"
    "# warnings.py finds no filters here, so it keeps its own Python\n"
    "# implementation, which warn() calls.\n"
    "def warn(message, category=None, stacklevel=1, source=None):\n"
    "    import warnings\n"
    "    warnings.warn(message, category, stacklevel + 1, source)\n"
    "\n"
    "\n"
    "def warn_explicit(message, category, filename, lineno, module=None, registry=None,\n"
    "                  module_globals=None, source=None):\n"
    "    import warnings\n"
    "    warnings.warn_explicit(message, category, filename, lineno, module, registry,\n"
    "                           module_globals, source)\n";

Obj *vm_mod__warnings(void)
{
    return vm_frozen_module("_warnings", warnings_src);
}

/* Call importlib._bootstrap_external.FN(name, arg); importlib is
 * imported first if it is not yet. */
static Obj *call_external(const char *fn, Obj *name, Obj *arg, Obj *arg2)
{
    /* importing importlib imports abc, ...: those come from directories */
    static bool making;
    Obj *ext = vm_dict_get_str(vm_sys_modules_dict(),
                               vm_str_intern("importlib._bootstrap_external", 29));
    if (ext) {
        INCREF(ext);
    } else {
        if (making)
            return NULL;
        making = true;
        ext = alias_of("importlib", "importlib._bootstrap_external");
        making = false;
        if (!ext)
            return NULL;
    }
    Obj *f = vm_getattr(ext, vm_str_intern(fn, strlen(fn)));
    DECREF(ext);
    if (!f)
        return NULL;
    Obj *args[3] = {name, arg, arg2};
    Obj *r = vm_call(f, args, arg2 ? 3 : 2, NULL);
    DECREF(f);
    return r;
}

/* Is some prefix of path (itself included) a regular file: a zip file,
 * or a directory inside one ("app.zip/pkg")? */
static bool in_file(const char *path)
{
    char buf[4096];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, path, n + 1);
    for (;;) {
        struct stat st;
        if (stat(buf, &st) == 0)
            return S_ISREG(st.st_mode);
        char *slash = strrchr(buf, '/');
        if (!slash || slash == buf)
            return false;
        *slash = '\0';
    }
}

/* Does sys.path_hooks hold a hook of the program's own (not one of the
 * two importlib puts there), or sys.path_importer_cache the entry? */
static bool hooks_for(Obj *entry)
{
    Obj *cache = vm_sys_attr("path_importer_cache");
    if (cache && DICT_CHECK(cache) && vm_dict_get_str(cache, entry))
        return true;
    Obj *hooks = vm_sys_attr("path_hooks");
    if (!hooks || !LIST_CHECK(hooks))
        return false;
    Obj *mark = vm_str_intern("_pyvm_default", 13);
    for (ssize_t i = 0; i < LIST_LEN(hooks); i++) {
        Obj *v = vm_getattr(LIST_ITEMS(hooks)[i], mark);
        if (!v) {
            vm_err_clear();
            return true;
        }
        DECREF(v);
    }
    return false;
}

Obj *vm_import_path_entry(Obj *name, Obj *entry)
{
    /* CPython asks the hooks about every entry; pyvm only when one could
     * answer, so a missing directory does not import importlib */
    if (!in_file(STR_DATA(entry)) && !hooks_for(entry))
        return NULL;
    Obj *r = call_external("_pyvm_path_entry_load", name, entry, NULL);
    if (r == VM_NONE)
        CLEAR(r);
    return r;
}

Obj *vm_import_sourceless(Obj *name, const char *path)
{
    Obj *p = vm_str_cstr(path);
    Obj *r = call_external("_pyvm_sourceless_load", name, p, NULL);
    DECREF(p);
    return r;
}

Obj *vm_import_meta_path(Obj *name, Obj *search, bool after)
{
    Obj *mp = vm_sys_attr("meta_path");
    if (!mp || !LIST_CHECK(mp) || LIST_LEN(mp) == 0)
        return NULL;
    /* the common case, cheaply: only pyvm's own finders */
    Obj *mark = vm_str_intern("_pyvm_default", 13);
    bool others = false;
    for (ssize_t i = 0; i < LIST_LEN(mp) && !others; i++) {
        Obj *f = LIST_ITEMS(mp)[i];
        Obj *v = TYPE(f) == &vm_type_type && ((Type *)f)->dict
            ? vm_dict_get_str(((Type *)f)->dict, mark) : NULL;
        others = v != VM_TRUE;
    }
    if (!others)
        return NULL;
    Obj *r = call_external("_pyvm_meta_path_load", name, search ? search : VM_NONE,
                           after ? VM_TRUE : VM_FALSE);
    if (r == VM_NONE)
        CLEAR(r);
    return r;
}

Obj *vm_import_loader_for(Obj *name, const char *origin)
{
    Obj *mach = vm_dict_get_str(vm_sys_modules_dict(),
                                vm_str_intern("importlib._bootstrap_external", 29));
    if (!mach || TYPE(mach) != &vm_module_type)
        return NULL;    /* importlib not (yet completely) there */
    Obj *d = ((ModuleObj *)mach)->dict;
    if (strcmp(origin, "built-in") == 0 || strcmp(origin, "frozen") == 0) {
        Obj *bi = vm_dict_get_str(d, origin[0] == 'b' ? vm_str_intern("BuiltinImporter", 15)
                                                      : vm_str_intern("FrozenImporter", 14));
        return bi ? vm_newref(bi) : NULL;
    }
    size_t n = strlen(origin);
    bool pyc = n > 4 && strcmp(origin + n - 4, ".pyc") == 0;
    Obj *cls = vm_dict_get_str(d, pyc ? vm_str_intern("SourcelessFileLoader", 20)
                                      : vm_str_intern("SourceFileLoader", 16));
    if (!cls)
        return NULL;
    Obj *args[2] = {name, vm_str_cstr(origin)};
    Obj *r = vm_call(cls, args, 2, NULL);
    DECREF(args[1]);
    if (!r)
        vm_err_clear();     /* the spec keeps loader None */
    return r;
}
