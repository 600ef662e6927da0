/* cmd/pyvm/mod_pyexpat.c: the pyexpat module (what xml.parsers.expat,
 * xml.etree.ElementTree, xml.dom.minidom, xml.sax's expatreader, plistlib
 * and xmlrpc.client parse XML with), without libexpat.
 *
 * Stage: pyvm.  The parser is written in Python (mod_pyexpat.py, a
 * non-validating XML 1.0 parser that reproduces Expat 2.5's events,
 * positions and errors as CPython's pyexpat reports them); this file runs
 * it as the module's body (import_frozen.c).  mod_pyexpat_src.inc is that
 * source as a C string, made by mod_pyexpat_gen.sh.
 */
#include "cmd/pyvm/module.h"

#include "cmd/pyvm/import_frozen.h"

static const char pyexpat_src[] =
#include "cmd/pyvm/mod_pyexpat_src.inc"
    ;

Obj *vm_mod_pyexpat(void)
{
    return vm_frozen_module("pyexpat", pyexpat_src);
}
