/* cmd/pyvm/import_pyc.c: a code object as bytes and back, for the .pyc
 * files py_compile and compileall write (importlib._bootstrap_external's
 * _code_to_timestamp_pyc) and SourcelessFileLoader reads.
 *
 * Stage: pyvm.  The bytes are the binary code object of formats/code.md
 * (the one pyasm writes, with its own magic and checksum): a VmCode is
 * turned back into the LsCode it was loaded from (constants, names,
 * positions, exception table) and written with ls_code_write.  CPython
 * puts marshal data after a .pyc's 16-byte header; pyvm puts this, behind
 * its own magic number (importlib.util.MAGIC_NUMBER, see
 * formats/code.md), so neither implementation loads the other's files.
 */
#include "cmd/pyvm/import_pyc.h"

#include <string.h>

#include "libstage/arena.h"
#include "libstage/buf.h"
#include "libstage/codeio.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

static LsCode *to_ls(const VmCode *c, Arena *a);

/* The Const for a constant object, NULL (with ValueError) for a kind the
 * code format cannot hold. */
static Const *to_const(Obj *o, Arena *a)
{
    Const *k = arena_alloc(a, sizeof *k);
    memset(k, 0, sizeof *k);
    if (o == VM_NONE) {
        k->kind = CONST_NONE;
    } else if (o == VM_TRUE) {
        k->kind = CONST_TRUE;
    } else if (o == VM_FALSE) {
        k->kind = CONST_FALSE;
    } else if (o == &vm_ellipsis_obj) {
        k->kind = CONST_ELLIPSIS;
    } else if (INT_CHECK(o)) {
        Buf b = BUF_INIT;
        if (vm_int_format(&b, o) < 0) {
            buf_free(&b);
            return NULL;
        }
        k->kind = CONST_INT;
        k->u.i = arena_strndup(a, b.data, b.len);
        buf_free(&b);
    } else if (FLOAT_CHECK(o)) {
        k->kind = CONST_FLOAT;
        k->u.f = FLOAT_VAL(o);
    } else if (COMPLEX_CHECK(o)) {
        k->kind = CONST_COMPLEX;
        k->u.c.real = ((ComplexObj *)o)->re;
        k->u.c.imag = ((ComplexObj *)o)->im;
    } else if (STR_CHECK(o)) {
        k->kind = CONST_STR;
        k->u.s.data = arena_strndup(a, STR_DATA(o), (size_t)STR_LEN(o));
        k->u.s.len = (size_t)STR_LEN(o);
    } else if (BYTES_CHECK(o)) {
        BytesObj *bo = (BytesObj *)o;
        k->kind = CONST_BYTES;
        k->u.s.data = arena_strndup(a, bo->s, (size_t)bo->len);
        k->u.s.len = (size_t)bo->len;
    } else if (TUPLE_CHECK(o)) {
        k->kind = CONST_TUPLE;
        k->u.t.len = (size_t)TUPLE_LEN(o);
        k->u.t.items = arena_alloc(a, (k->u.t.len + 1) * sizeof(Const *));
        for (size_t i = 0; i < k->u.t.len; i++)
            if (!(k->u.t.items[i] = to_const(TUPLE_ITEMS(o)[i], a)))
                return NULL;
    } else if (TYPE(o) == &vm_frozenset_type) {
        SetObj *so = (SetObj *)o;
        k->kind = CONST_FROZENSET;
        k->u.t.items = arena_alloc(a, (so->mask + 2) * sizeof(Const *));
        for (size_t i = 0; i <= so->mask; i++) {
            Obj *key = so->table[i].key;
            if (!key || so->table[i].hash == -1)
                continue;
            if (!(k->u.t.items[k->u.t.len++] = to_const(key, a)))
                return NULL;
        }
    } else if (TYPE(o) == &vm_code_type) {
        k->kind = CONST_CODE;
        if (!(k->u.code = to_ls((const VmCode *)o, a)))
            return NULL;
    } else {
        vm_err_str(&vm_exc_ValueError, "unmarshallable object");
        return NULL;
    }
    return k;
}

static const char *a_str(Arena *a, Obj *s)
{
    return arena_strndup(a, STR_DATA(s), (size_t)STR_LEN(s));
}

/* The LsCode a VmCode was made from (vm_code_load's inverse). */
static LsCode *to_ls(const VmCode *c, Arena *a)
{
    LsCode *lc = arena_alloc(a, sizeof *lc);
    memset(lc, 0, sizeof *lc);
    lc->name = a_str(a, c->name);
    lc->qualname = a_str(a, c->qualname);
    lc->filename = a_str(a, c->filename);
    lc->firstlineno = c->firstlineno;
    lc->argcount = c->argcount;
    lc->posonlyargcount = c->posonlyargcount;
    lc->kwonlyargcount = c->kwonlyargcount;
    lc->stacksize = c->stacksize;
    lc->flags = c->flags;
    lc->ncode = c->ncode;
    lc->code = arena_alloc(a, (c->ncode + 1) * sizeof *lc->code);
    memcpy(lc->code, c->code, c->ncode * sizeof *lc->code);
    lc->positions = arena_alloc(a, (c->ncode + 1) * sizeof *lc->positions);
    memcpy(lc->positions, c->positions, c->ncode * sizeof *lc->positions);
    lc->nconsts = c->nconsts;
    lc->consts = arena_alloc(a, (c->nconsts + 1) * sizeof *lc->consts);
    for (size_t i = 0; i < c->nconsts; i++)
        if (!(lc->consts[i] = to_const(c->consts[i], a)))
            return NULL;
    lc->nnames = c->nnames;
    lc->names = arena_alloc(a, (c->nnames + 1) * sizeof *lc->names);
    for (size_t i = 0; i < c->nnames; i++)
        lc->names[i] = a_str(a, c->names[i]);
    lc->nlocalsplus = (size_t)c->nlocalsplus;
    lc->localsplus = arena_alloc(a, (lc->nlocalsplus + 1) * sizeof *lc->localsplus);
    lc->localspluskinds = arena_alloc(a, lc->nlocalsplus + 1);
    for (size_t i = 0; i < lc->nlocalsplus; i++) {
        lc->localsplus[i] = a_str(a, c->localsplus[i]);
        lc->localspluskinds[i] = c->kinds[i];
    }
    lc->nexc = c->nexc;
    lc->exctable = arena_alloc(a, (c->nexc + 1) * sizeof *lc->exctable);
    if (c->nexc)
        memcpy(lc->exctable, c->exctable, c->nexc * sizeof *lc->exctable);
    return lc;
}

Obj *vm_code_to_bytes(const VmCode *code)
{
    Arena a;
    arena_init(&a);
    Obj *r = NULL;
    LsCode *lc = to_ls(code, &a);
    if (lc) {
        Buf b = BUF_INIT;
        ls_code_write(&b, lc);
        r = vm_bytes_new(b.data, b.len);
        buf_free(&b);
    }
    arena_free(&a);
    return r;
}

VmCode *vm_code_from_bytes(const char *data, size_t len)
{
    Arena a;
    arena_init(&a);
    char err[256] = "";
    VmCode *code = NULL;
    LsCode *lc = ls_code_read(data, len, &a, err, sizeof err);
    if (lc)
        code = vm_code_load(lc, err, sizeof err);
    if (!code)
        vm_err_fmt(&vm_exc_ValueError, "bad code object data (%s)", err);
    arena_free(&a);
    return code;
}

void vm_code_set_filename(VmCode *code, Obj *filename)
{
    Obj *old = code->filename;
    code->filename = vm_newref(filename);
    DECREF(old);
    for (size_t i = 0; i < code->nconsts; i++)
        if (TYPE(code->consts[i]) == &vm_code_type)
            vm_code_set_filename((VmCode *)code->consts[i], filename);
}
