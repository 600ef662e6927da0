/* cmd/pyvm/mod_symtable.c: the built-in module _symtable, which the
 * standard library's symtable module is written on.
 *
 * Stage: pyvm.  _symtable.symtable(source, filename, mode) runs the front
 * end in-process up to the symbol tables (libstage/front.h's ls_parse_ast,
 * then libstage/symtab.h's sym_build: the tables pysym prints) and gives
 * the module's table as a "symtable entry" object: id, name, type, lineno,
 * nested, varnames, symbols (name -> DEF_* flags | scope << SCOPE_OFF, as
 * CPython's) and children (the nested tables).  The C half hands over one
 * tuple per scope; the Python half (symtable_src) makes the objects.
 */
#include <string.h>

#include "libstage/arena.h"
#include "libstage/front.h"
#include "libstage/symtab.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/import_cache.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* One scope as (id, name, type, lineno, nested, varnames, symbols,
 * children ids). */
static Obj *scope_tuple(const SymScope *s)
{
    Obj *varnames = vm_list_new(0);
    for (int i = 0; i < s->nvarnames; i++) {
        Obj *v = vm_str_cstr(s->varnames[i]);
        vm_list_append(varnames, v);
        DECREF(v);
    }
    Obj *syms = vm_dict_new();
    for (int i = 0; i < s->nsyms; i++) {
        const SymEntry *e = &s->syms[i];
        Obj *k = vm_str_cstr(e->name);
        Obj *v = vm_int_from_i64((int64_t)e->flags | ((int64_t)e->scope << SYM_SCOPE_OFFSET));
        int rc = vm_dict_set(syms, k, v);
        DECREF(k);
        DECREF(v);
        if (rc < 0) {
            DECREF(varnames);
            DECREF(syms);
            return NULL;
        }
    }
    Obj *kids = vm_list_new(0);
    for (int i = 0; i < s->nchildren; i++) {
        Obj *v = vm_int_from_i64(s->children[i]->id);
        vm_list_append(kids, v);
        DECREF(v);
    }
    Obj *items[8] = {
        vm_int_from_i64(s->id), vm_str_cstr(s->name), vm_int_from_i64(s->type),
        vm_int_from_i64(s->lineno), vm_int_from_i64(s->nested), varnames, syms, kids,
    };
    Obj *t = vm_tuple_from(items, 8);
    for (int i = 0; i < 8; i++)
        DECREF(items[i]);
    return t;
}

/* _tables(source, filename, mode): a list of scope tuples, preorder */
static Obj *st_tables(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("symtable", kwnames) < 0 || vm_argc("symtable", nargs, 3, 3) < 0)
        return NULL;
    const char *src;
    size_t len;
    bool text = STR_CHECK(args[0]);
    if (text) {
        src = STR_DATA(args[0]);
        len = (size_t)STR_LEN(args[0]);
    } else if (BYTES_CHECK(args[0])) {
        src = ((BytesObj *)args[0])->s;
        len = (size_t)((BytesObj *)args[0])->len;
    } else {
        return vm_err_fmt(&vm_exc_TypeError,
                          "symtable() argument 'source' must be str, bytes or read-only buffer, not %s",
                          vm_tname(args[0]));
    }
    if (!STR_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError,
                          "symtable() argument 'filename' must be str, bytes or os.PathLike, not %s",
                          vm_tname(args[1]));
    if (!STR_CHECK(args[2]))
        return vm_err_fmt(&vm_exc_TypeError, "symtable() argument 3 must be str, not %s",
                          vm_tname(args[2]));
    LsMode mode;
    if (vm_str_eqc(args[2], "exec"))
        mode = LS_MODE_EXEC;
    else if (vm_str_eqc(args[2], "eval"))
        mode = LS_MODE_EVAL;
    else if (vm_str_eqc(args[2], "single"))
        mode = LS_MODE_SINGLE;
    else
        return vm_err_str(&vm_exc_ValueError,
                          "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
    if (memchr(src, '\0', len))
        return vm_err_str(&vm_exc_SyntaxError, "source code string cannot contain null bytes");
    const char *filename = STR_DATA(args[1]);
    Arena a;
    arena_init(&a);
    LsSyntaxError err;
    memset(&err, 0, sizeof err);
    LsCompileOptions opt = {1, NULL, NULL, NULL, text};
    Obj *result = NULL;
    /* the whole compile first: it reports every SyntaxError (the symbol
     * tables' own included) with its source line, trapped */
    if (!ls_compile_ex(src, len, filename, mode, &opt, &a, &err)) {
        vm_raise_syntax_error(&err);
        goto out;
    }
    AstNode *mod = ls_parse_ast(src, len, filename, mode, &opt, &a, &err);
    if (!mod) {
        vm_raise_syntax_error(&err);
        goto out;
    }
    Diag d;
    memset(&d, 0, sizeof d);
    SymTable *t = sym_build(mod, filename, &a, &d);
    if (!t) {
        vm_err_fmt(&vm_exc_SyntaxError, "%s", d.msg ? d.msg : "invalid syntax");
        goto out;
    }
    result = vm_list_new(0);
    for (int i = 0; i < t->nscopes; i++) {
        Obj *st = scope_tuple(t->scopes[i]);
        if (!st) {
            CLEAR(result);
            break;
        }
        vm_list_append(result, st);
        DECREF(st);
    }
out:
    arena_free(&a);
    return result;
}

static const char symtable_src[] =
    "# _symtable: CPython's symbol tables, from pyvm's front end\n"
    "DEF_GLOBAL = 1\n"
    "DEF_LOCAL = 2\n"
    "DEF_PARAM = 4\n"
    "DEF_NONLOCAL = 8\n"
    "USE = 16\n"
    "DEF_FREE = 32\n"
    "DEF_FREE_CLASS = 64\n"
    "DEF_IMPORT = 128\n"
    "DEF_ANNOT = 256\n"
    "DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT\n"
    "SCOPE_OFF = 11\n"
    "SCOPE_MASK = 15\n"
    "LOCAL = 1\n"
    "GLOBAL_EXPLICIT = 2\n"
    "GLOBAL_IMPLICIT = 3\n"
    "FREE = 4\n"
    "CELL = 5\n"
    "TYPE_FUNCTION = 0\n"
    "TYPE_CLASS = 1\n"
    "TYPE_MODULE = 2\n"
    "\n"
    "\n"
    "def _entry_repr(self):\n"
    "    return '<symtable entry %s(%d), line %d>' % (self.name, self.id, self.lineno)\n"
    "\n"
    "\n"
    "def _entry_init(self, *args):\n"
    "    raise TypeError(\"cannot create 'symtable entry' instances\")\n"
    "\n"
    "\n"
    "_entry = type('symtable entry', (), {\n"
    "    '__slots__': ('id', 'name', 'type', 'lineno', 'nested', 'varnames', 'symbols',\n"
    "                  'children'),\n"
    "    '__repr__': _entry_repr, '__module__': 'builtins'})\n"
    "\n"
    "\n"
    "def symtable(source, filename, startstr):\n"
    "    \"\"\"Return symbol and scope dictionaries used internally by compiler.\"\"\"\n"
    "    rows = _tables(source, filename, startstr)\n"
    "    made = []\n"
    "    base = id(rows) & 0x3fffffff\n"
    "    for ident, name, typ, lineno, nested, varnames, symbols, kids in rows:\n"
    "        e = object.__new__(_entry)\n"
    "        e.id = base + ident\n"
    "        e.name = name\n"
    "        e.type = typ\n"
    "        e.lineno = lineno\n"
    "        e.nested = nested\n"
    "        e.varnames = varnames\n"
    "        e.symbols = symbols\n"
    "        e.children = kids\n"
    "        made.append(e)\n"
    "    for e in made:\n"
    "        e.children = [made[i] for i in e.children]\n"
    "    return made[0]\n"
    ;

Obj *vm_mod__symtable(void)
{
    Obj *m = vm_module_new("_symtable");
    if (!m)
        return NULL;
    vm_module_add_func(m, "_tables", st_tables);
    if (vm_frozen_exec(m, "_symtable", symtable_src) < 0
        || vm_dict_del(((ModuleObj *)m)->dict, vm_str_intern("_entry_init", 11)) < 0)
        CLEAR(m);
    return m;
}
