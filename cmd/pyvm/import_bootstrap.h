/* cmd/pyvm/import_bootstrap.h: the Python source of importlib._bootstrap
 * and importlib._bootstrap_external (run by mod_importlib.c with
 * _machinery, _util and, for the second, _bootstrap_mod bound).
 *
 * Stage: pyvm.
 */
#ifndef VM_IMPORT_BOOTSTRAP_H
#define VM_IMPORT_BOOTSTRAP_H

#include <stdbool.h>
#include "cmd/pyvm/object.h"

extern const char vm_bootstrap_src[];
extern const char vm_bootstrap_external_src[];

/* For module.c: module name from a sys.path (or __path__) entry that is
 * not a directory, through sys.path_importer_cache / sys.path_hooks (a
 * zip file: zipimport).  NULL without an error when the entry does not
 * have it. */
Obj *vm_import_path_entry(Obj *name, Obj *entry) LS_MUST_CHECK;

/* For module.c: module name from the finders on sys.meta_path that are
 * not pyvm's own (BuiltinImporter, FrozenImporter, PathFinder stand for
 * module.c's search): with after false, those before PathFinder; with
 * after true, those after it.  search: the parent's __path__ or NULL.
 * NULL without an error when none has it. */
Obj *vm_import_meta_path(Obj *name, Obj *search, bool after) LS_MUST_CHECK;

/* For module.c's specs: the loader of module name found at origin (a
 * source file, "built-in" or "frozen"): a SourceFileLoader (BuiltinImporter,
 * FrozenImporter) of
 * importlib.machinery, or NULL (no error) before importlib is imported. */
Obj *vm_import_loader_for(Obj *name, const char *origin);

/* For module.c: module name from the .pyc file at path (no source next
 * to it), by SourcelessFileLoader. */
Obj *vm_import_sourceless(Obj *name, const char *path) LS_MUST_CHECK;

#endif
