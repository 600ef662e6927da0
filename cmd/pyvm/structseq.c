/* cmd/pyvm/structseq.c: struct sequences, one generic tuple subclass made
 * per table (structseq.h): sys.flags, sys.float_info, time.struct_time,
 * os.stat_result, ...
 *
 * Stage: pyvm.  The type is a static-like type (never freed) whose base is
 * tuple: the tuple slots serve the visible fields; the repr, the field
 * attributes (member descriptors in the type's __dict__, answered by the
 * getattr slot), n_fields/n_sequence_fields/n_unnamed_fields, __reduce__
 * and, for the constructible ones, T(sequence, dict=None) are here.
 */
#include "cmd/pyvm/structseq.h"

#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/descr.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* A struct sequence type: the Type first, so a Type * is one of these. */
typedef struct SSType {
    Type t;                     /* the type object */
    const StructSeqDesc *desc;  /* its table */
    void (*fill)(Obj **vals);   /* NULL, or T(...)'s hook (vm_structseq_set_fill) */
} SSType;

#define SS_DESC(o) (((SSType *)TYPE(o))->desc)

/* The types made so far (a handful: linear search). */
#define SS_MAX 32
static SSType *ss_types[SS_MAX];
static int ss_ntypes;

/* Drop every field, the hidden ones behind the visible tuple included. */
static void ss_dealloc(Obj *o)
{
    TupleObj *t = (TupleObj *)o;
    for (int i = SS_DESC(o)->n_fields; i-- > 0;)
        XDECREF(t->items[i]);
    vm_obj_free(o);
}

static void ss_traverse(Obj *o, VisitFn visit, void *arg)
{
    TupleObj *t = (TupleObj *)o;
    for (int i = 0; i < SS_DESC(o)->n_fields; i++)
        VISIT(t->items[i]);
}

/* name(field=value, ...) over the visible fields; the i-th value is
 * labelled with the i-th named field, as CPython's (so stat_result's
 * unnamed int times show as st_atime=...) */
static Obj *ss_repr(Obj *o)
{
    const StructSeqDesc *d = SS_DESC(o);
    Buf b = BUF_INIT;
    buf_printf(&b, "%s(", d->name);
    for (int i = 0, f = 0; i < d->n_seq; i++, f++) {
        while (f < d->n_fields && !d->fields[f])
            f++;
        if (f == d->n_fields)
            break;
        Obj *r = vm_repr(TUPLE_ITEMS(o)[i]);
        if (!r) {
            buf_free(&b);
            return NULL;
        }
        buf_printf(&b, "%s%s=", i ? ", " : "", d->fields[f]);
        buf_put(&b, STR_DATA(r), (size_t)STR_LEN(r));
        DECREF(r);
    }
    buf_putc(&b, ')');
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static Obj *ss_getattr(Obj *o, Obj *name)
{
    const StructSeqDesc *d = SS_DESC(o);
    for (int i = 0; i < d->n_fields; i++)
        if (d->fields[i] && vm_str_eqc(name, d->fields[i]))
            return vm_newref(TUPLE_ITEMS(o)[i]);
    return NULL;
}

/* An instance of t from n_fields values (stolen; NULL: None). */
static Obj *ss_make(Type *t, Obj **vals)
{
    const StructSeqDesc *d = ((SSType *)t)->desc;
    TupleObj *o = vm_alloc(t, (size_t)d->n_fields * sizeof(Obj *));
    o->len = d->n_seq;
    o->hash = -1;
    for (int i = 0; i < d->n_fields; i++)
        o->items[i] = vals[i] ? vals[i] : vm_newref(VM_NONE);
    return (Obj *)o;
}

Obj *vm_structseq_new(const StructSeqDesc *desc, Obj **vals)
{
    return ss_make(vm_structseq_type(desc), vals);
}

/* T(sequence, dict=None): the visible fields from the sequence, the rest
 * from the sequence's further items, then from dict by name, else None */
static Obj *ss_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = (Type *)self;
    const StructSeqDesc *d = ((SSType *)t)->desc;
    if (!d->constructible)
        return vm_err_fmt(&vm_exc_TypeError, "cannot create '%s' instances", d->name);
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    Obj *seq = npos > 0 ? args[0] : NULL, *dict = npos > 1 ? args[1] : NULL;
    for (size_t k = 0; kwnames && k < (size_t)TUPLE_LEN(kwnames); k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        if (vm_str_eqc(kn, "sequence") && !seq)
            seq = args[npos + k];
        else if (vm_str_eqc(kn, "dict") && !dict)
            dict = args[npos + k];
        else
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for "
                              "structseq()", STR_DATA(kn));
    }
    if (npos > 2)
        return vm_err_fmt(&vm_exc_TypeError, "structseq() takes at most 2 arguments (%zu "
                          "given)", npos);
    if (!seq)
        return vm_err_str(&vm_exc_TypeError, "structseq() missing required argument "
                          "'sequence' (pos 1)");
    if (dict == VM_NONE)
        dict = NULL;
    if (dict && !DICT_CHECK(dict))
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes a dict as second arg, if any",
                          d->name);
    Obj *l = vm_list_from_iter(seq);
    if (!l) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError, "constructor requires a sequence");
        }
        return NULL;
    }
    ssize_t n = LIST_LEN(l);
    if (n < d->n_seq || n > d->n_fields) {
        DECREF(l);
        if (d->n_seq == d->n_fields)
            return vm_err_fmt(&vm_exc_TypeError, "%s() takes a %d-sequence (%zd-sequence "
                              "given)", d->name, d->n_seq, n);
        if (n < d->n_seq)
            return vm_err_fmt(&vm_exc_TypeError, "%s() takes an at least %d-sequence "
                              "(%zd-sequence given)", d->name, d->n_seq, n);
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes an at most %d-sequence "
                          "(%zd-sequence given)", d->name, d->n_fields, n);
    }
    Obj *vals[64] = {NULL};
    for (int i = 0; i < d->n_fields; i++) {
        if (i < n)
            vals[i] = vm_newref(LIST_ITEMS(l)[i]);
        else if (dict && d->fields[i]) {
            Obj *key = vm_str_cstr(d->fields[i]), *v = NULL;
            int found = vm_dict_lookup(dict, key, &v);
            DECREF(key);
            if (found > 0)
                vals[i] = vm_newref(v);
            else if (found < 0) {
                for (int k = 0; k < i; k++)
                    XDECREF(vals[k]);
                DECREF(l);
                return NULL;
            }
        }
    }
    DECREF(l);
    if (((SSType *)t)->fill) {
        for (int i = 0; i < d->n_fields; i++)
            if (!vals[i])
                vals[i] = vm_newref(VM_NONE);
        ((SSType *)t)->fill(vals);
    }
    return ss_make(t, vals);
}

/* __reduce__: (type, (visible fields, {hidden field: value})) */
static Obj *ss_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    const StructSeqDesc *d = SS_DESC(self);
    Obj *vis = vm_tuple_from(TUPLE_ITEMS(self), d->n_seq);
    Obj *hid = vm_dict_new();
    for (int i = d->n_seq; i < d->n_fields; i++)
        if (d->fields[i] && vm_dict_set_cstr(hid, d->fields[i], TUPLE_ITEMS(self)[i]) < 0) {
            DECREF(vis);
            DECREF(hid);
            return NULL;
        }
    Obj *inner[2] = {vis, hid};
    Obj *argt = vm_tuple_from(inner, 2);
    DECREF(vis);
    DECREF(hid);
    Obj *outer[2] = {(Obj *)TYPE(self), argt};
    Obj *r = vm_tuple_from(outer, 2);
    DECREF(argt);
    return r;
}

static const MethodDef ss_methods[] = {
    {"__reduce__", ss_reduce},
    {NULL, NULL},
};

static void add_attr(Type *t, const char *name, Obj *v)
{
    if (!v || vm_dict_set_cstr(t->dict, name, v) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: %s setup", t->name);
    DECREF(v);
}

void vm_structseq_set_fill(const StructSeqDesc *desc, void (*fill)(Obj **vals))
{
    ((SSType *)vm_structseq_type(desc))->fill = fill;
}

Type *vm_structseq_type(const StructSeqDesc *desc)
{
    for (int i = 0; i < ss_ntypes; i++)
        if (ss_types[i]->desc == desc)
            return &ss_types[i]->t;
    if (ss_ntypes == SS_MAX || desc->n_fields > 64)
        ls_die(LS_EXIT_USAGE, "internal error: too many struct sequences");
    SSType *st = ls_xcalloc(1, sizeof *st);     /* lives as long as pyvm */
    Type *t = &st->t;
    const Type *tt = &vm_tuple_type;
    st->desc = desc;
    t->ob.refcnt = OBJ_IMMORTAL;
    t->ob.type = &vm_type_type;
    t->name = desc->name;
    t->base = &vm_tuple_type;
    t->flags = TF_TUPLE | TF_GC | TF_NOSUBCLASS;
    t->basicsize = tt->basicsize;
    t->dealloc = ss_dealloc;
    t->traverse = ss_traverse;
    t->repr = ss_repr;
    t->construct = ss_construct;
    t->getattr = ss_getattr;
    t->methods = ss_methods;
    vm_type_ready(t);   /* before the tuple slots: their wrappers are tuple's */
    t->hash = tt->hash;
    t->richcmp = tt->richcmp;
    t->binop = tt->binop;
    t->len = tt->len;
    t->getitem = tt->getitem;
    t->contains = tt->contains;
    t->iter = tt->iter;
    /* __module__ and __qualname__ from "module.name"; the dict has
     * __module__ except for sys's, as CPython's */
    const char *dot = strrchr(desc->name, '.');
    if (dot) {
        if (strncmp(desc->name, "sys.", 4) != 0)
            add_attr(t, "__module__", vm_str_new(desc->name, (size_t)(dot - desc->name)));
        t->module = vm_str_new(desc->name, (size_t)(dot - desc->name));
        t->qualname = vm_str_cstr(dot + 1);
    }
    add_attr(t, "n_sequence_fields", vm_int_from_i64(desc->n_seq));
    add_attr(t, "n_fields", vm_int_from_i64(desc->n_fields));
    int unnamed = 0, named_seq = 0;
    for (int i = 0; i < desc->n_fields; i++) {
        unnamed += !desc->fields[i];
        named_seq += i < desc->n_seq && desc->fields[i];
    }
    add_attr(t, "n_unnamed_fields", vm_int_from_i64(unnamed));
    Obj *ma = vm_tuple_new(named_seq);      /* the named visible fields */
    for (int i = 0, k = 0; i < desc->n_seq; i++)
        if (desc->fields[i])
            TUPLE_ITEMS(ma)[k++] = vm_str_cstr(desc->fields[i]);
    add_attr(t, "__match_args__", ma);
    for (int i = 0; i < desc->n_fields; i++)
        if (desc->fields[i])
            add_attr(t, desc->fields[i], vm_bdescr_new_member(t, desc->fields[i]));
    ss_types[ss_ntypes++] = st;
    return t;
}
