/* cmd/pyvm/tuple.c: tuple, and the sequence helpers shared with list
 * (repr, lexicographic comparison).
 *
 * Stage: pyvm.  The hash is CPython 3.11's xxHash-based tuple hash, so sets
 * and dicts keyed by tuples of ints iterate in CPython's order.
 */
#include "cmd/pyvm/tuple.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"

static TupleObj empty_tuple = {OBJ_HEAD_INIT(&vm_tuple_type), 0, -1};

Obj *vm_tuple_new(ssize_t n)
{
    if (n == 0)
        return vm_newref((Obj *)&empty_tuple);
    TupleObj *t = vm_alloc(&vm_tuple_type, (size_t)n * sizeof(Obj *));
    t->len = n;
    t->hash = -1;
    memset(t->items, 0, (size_t)n * sizeof(Obj *));
    return (Obj *)t;
}

Obj *vm_tuple_from(Obj *const *items, ssize_t n)
{
    Obj *t = vm_tuple_new(n);
    for (ssize_t i = 0; i < n; i++)
        TUPLE_ITEMS(t)[i] = vm_newref(items[i]);
    return t;
}

static void tuple_dealloc(Obj *o)
{
    TupleObj *t = (TupleObj *)o;
    for (ssize_t i = t->len; i-- > 0;)     /* last first, as CPython (__del__ order) */
        XDECREF(t->items[i]);
    vm_obj_free(o);
}

static void tuple_traverse(Obj *o, VisitFn visit, void *arg)
{
    TupleObj *t = (TupleObj *)o;
    for (ssize_t i = 0; i < t->len; i++)
        VISIT(t->items[i]);
}

/* Objects whose repr is in progress (to print [...] for cycles), a
 * stack that grows as deep as repr nesting goes. */
static Obj **repr_active;
static size_t repr_nactive, repr_cap;

int vm_repr_enter(Obj *o)
{
    for (size_t i = 0; i < repr_nactive; i++)
        if (repr_active[i] == o)
            return 1;
    if (repr_nactive == repr_cap) {
        repr_cap = repr_cap ? 2 * repr_cap : 64;
        repr_active = ls_xrealloc(repr_active, repr_cap * sizeof *repr_active);
    }
    repr_active[repr_nactive++] = o;
    return 0;
}

void vm_repr_leave(Obj *o)
{
    for (size_t i = repr_nactive; i-- > 0;)
        if (repr_active[i] == o) {
            memmove(repr_active + i, repr_active + i + 1,
                    (repr_nactive - i - 1) * sizeof *repr_active);
            repr_nactive--;
            return;
        }
}

Obj *vm_seq_repr(Obj *const *items, ssize_t n, const char *open, const char *close,
                 bool one_comma)
{
    Buf b = BUF_INIT;
    buf_puts(&b, open);
    for (ssize_t i = 0; i < n; i++) {
        if (i)
            buf_puts(&b, ", ");
        Obj *r = vm_repr(items[i]);
        if (!r) {
            buf_free(&b);
            return NULL;
        }
        buf_put(&b, STR_DATA(r), (size_t)STR_LEN(r));
        DECREF(r);
    }
    if (n == 1 && one_comma)
        buf_putc(&b, ',');
    buf_puts(&b, close);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *tuple_repr(Obj *o)
{
    if (vm_repr_enter(o))
        return vm_str_cstr("(...)");
    Obj *r = vm_seq_repr(TUPLE_ITEMS(o), TUPLE_LEN(o), "(", ")", true);
    vm_repr_leave(o);
    return r;
}

Obj *vm_seq_richcmp(Obj *const *a, ssize_t an, Obj *const *b, ssize_t bn, int op)
{
    ssize_t i;
    for (i = 0; i < an && i < bn; i++) {
        int eq = vm_eq(a[i], b[i]);
        if (eq < 0)
            return NULL;
        if (!eq)
            break;
    }
    if (i >= an || i >= bn) {
        bool r = false;
        switch (op) {
        case CMP_LT: r = an < bn; break;
        case CMP_LE: r = an <= bn; break;
        case CMP_EQ: r = an == bn; break;
        case CMP_NE: r = an != bn; break;
        case CMP_GT: r = an > bn; break;
        case CMP_GE: r = an >= bn; break;
        }
        return VM_BOOL(r);
    }
    if (op == CMP_EQ)
        return VM_BOOL(false);
    if (op == CMP_NE)
        return VM_BOOL(true);
    return vm_richcmp(a[i], b[i], op);
}

static Obj *tuple_richcmp(Obj *a, Obj *b, int op)
{
    if (!TUPLE_CHECK(a) || !TUPLE_CHECK(b))
        return vm_newref(VM_NOTIMPL);
    return vm_seq_richcmp(TUPLE_ITEMS(a), TUPLE_LEN(a), TUPLE_ITEMS(b), TUPLE_LEN(b), op);
}

#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static int tuple_hash(Obj *o, int64_t *out)
{
    TupleObj *t = (TupleObj *)o;
    if (t->hash != -1) {
        *out = t->hash;
        return 0;
    }
    uint64_t acc = XXPRIME_5;
    for (ssize_t i = 0; i < t->len; i++) {
        int64_t lane;
        if (vm_hash(t->items[i], &lane) < 0)
            return -1;
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->len ^ (XXPRIME_5 ^ 3527539ULL);
    int64_t h = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    t->hash = h;
    *out = h;
    return 0;
}

static ssize_t tuple_len(Obj *o)
{
    return TUPLE_LEN(o);
}

static Obj *tuple_getitem(Obj *o, Obj *key)
{
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, TUPLE_LEN(o), &start, &stop, &step, &n) < 0)
            return NULL;
        Obj *t = vm_tuple_new(n);
        for (ssize_t i = 0, k = start; i < n; i++, k += step)
            TUPLE_ITEMS(t)[i] = vm_newref(TUPLE_ITEMS(o)[k]);
        return t;
    }
    int64_t i;
    if (vm_index(key, &i, "tuple") < 0)
        return NULL;
    if (i < 0)
        i += TUPLE_LEN(o);
    if (i < 0 || i >= TUPLE_LEN(o))
        return vm_err_str(&vm_exc_IndexError, "tuple index out of range");
    return vm_newref(TUPLE_ITEMS(o)[i]);
}

static int tuple_contains(Obj *o, Obj *v)
{
    for (ssize_t i = 0; i < TUPLE_LEN(o); i++) {
        int eq = TUPLE_ITEMS(o)[i] == v ? 1 : vm_eq(TUPLE_ITEMS(o)[i], v);
        if (eq)
            return eq;
    }
    return 0;
}

static Obj *tuple_binop(Obj *a, Obj *b, int op)
{
    int o = op >= NB_INPLACE_FIRST ? op - NB_INPLACE_FIRST : op;
    if (o == NB_ADD && TUPLE_CHECK(a)) {
        if (!TUPLE_CHECK(b))
            return vm_err_fmt(&vm_exc_TypeError,
                              "can only concatenate tuple (not \"%s\") to tuple", vm_tname(b));
        Obj *t = vm_tuple_new(TUPLE_LEN(a) + TUPLE_LEN(b));
        for (ssize_t i = 0; i < TUPLE_LEN(a); i++)
            TUPLE_ITEMS(t)[i] = vm_newref(TUPLE_ITEMS(a)[i]);
        for (ssize_t i = 0; i < TUPLE_LEN(b); i++)
            TUPLE_ITEMS(t)[TUPLE_LEN(a) + i] = vm_newref(TUPLE_ITEMS(b)[i]);
        return t;
    }
    if (o == NB_MULTIPLY && (INT_CHECK(a) || INT_CHECK(b))) {
        Obj *seq = TUPLE_CHECK(a) ? a : b, *n = seq == a ? b : a;
        int64_t k;
        if (vm_repeat_count(n, &k) < 0)
            return NULL;
        if (k < 0)
            k = 0;
        ssize_t len = TUPLE_LEN(seq);
        if (len && k > (int64_t)(SSIZE_MAX / 16) / len)
            return vm_err_nomem();
        if (len * k == 0)
            return vm_tuple_new(0);
        /* the size is the program's: no memory for it is a MemoryError */
        TupleObj *t = vm_try_alloc(&vm_tuple_type, (size_t)(len * k) * sizeof(Obj *));
        if (!t)
            return NULL;
        t->len = len * (ssize_t)k;
        t->hash = -1;
        for (ssize_t i = 0; i < len * (ssize_t)k; i++)
            TUPLE_ITEMS(t)[i] = vm_newref(TUPLE_ITEMS(seq)[i % len]);
        return (Obj *)t;
    }
    return vm_newref(VM_NOTIMPL);
}

/* ---- the iterator shared by tuple and list ---- */
typedef struct SeqIter {
    Obj ob;
    Obj *seq;               /* the tuple or list; NULL when exhausted */
    ssize_t i;              /* next index */
} SeqIter;

static void seqiter_dealloc(Obj *o)
{
    XDECREF(((SeqIter *)o)->seq);
    vm_obj_free(o);
}

static Obj *seqiter_next(Obj *o)
{
    SeqIter *it = (SeqIter *)o;
    if (!it->seq)
        return NULL;
    bool is_tuple = TUPLE_CHECK(it->seq);
    ssize_t n = is_tuple ? TUPLE_LEN(it->seq) : LIST_LEN(it->seq);
    if (it->i >= n) {
        CLEAR(it->seq);
        return NULL;
    }
    Obj *v = is_tuple ? TUPLE_ITEMS(it->seq)[it->i] : LIST_ITEMS(it->seq)[it->i];
    it->i++;
    return vm_newref(v);
}

static Obj *self_iter(Obj *o) { return vm_newref(o); }

/* __length_hint__: the items left (0 once exhausted or the list shrank) */
static Obj *seqiter_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SeqIter *it = (SeqIter *)self;
    ssize_t n = 0;
    if (it->seq)
        n = (TUPLE_CHECK(it->seq) ? TUPLE_LEN(it->seq) : LIST_LEN(it->seq)) - it->i;
    return vm_int_from_i64(n > 0 ? n : 0);
}

static const MethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_hint},
    {NULL, NULL},
};

static Type tupleiter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "tuple_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(SeqIter),
    .dealloc = seqiter_dealloc,
    .iter = self_iter,
    .iternext = seqiter_next,
    .methods = seqiter_methods,
};

Type vm_listiter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "list_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(SeqIter),
    .dealloc = seqiter_dealloc,
    .iter = self_iter,
    .iternext = seqiter_next,
    .methods = seqiter_methods,
};

Obj *vm_seq_iter(Obj *seq)
{
    SeqIter *it = vm_alloc(TUPLE_CHECK(seq) ? &tupleiter_type : &vm_listiter_type, 0);
    it->seq = vm_newref(seq);
    it->i = 0;
    return (Obj *)it;
}

static Obj *tuple_iter(Obj *o)
{
    return vm_seq_iter(o);
}

static Obj *tuple_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("tuple", kwnames) < 0 || vm_argc("tuple", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return vm_tuple_new(0);
    if (TYPE(args[0]) == &vm_tuple_type)
        return vm_newref(args[0]);
    Obj *l = vm_list_from_iter(args[0]);
    if (!l)
        return NULL;
    Obj *t = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
    DECREF(l);
    return t;
}

static Obj *tuple_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("index", kwnames) < 0 || vm_argc("index", nargs, 1, 3) < 0)
        return NULL;
    int64_t start = 0, stop = TUPLE_LEN(self);
    if (nargs > 1 && vm_clamped_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && vm_clamped_index(args[2], &stop) < 0)
        return NULL;
    if (start < 0 && (start += TUPLE_LEN(self)) < 0)
        start = 0;
    if (stop < 0 && (stop += TUPLE_LEN(self)) < 0)
        stop = 0;
    for (ssize_t i = (ssize_t)start; i < TUPLE_LEN(self) && i < stop; i++) {
        int eq = vm_eq(TUPLE_ITEMS(self)[i], args[0]);
        if (eq < 0)
            return NULL;
        if (eq)
            return vm_int_from_i64(i);
    }
    return vm_err_str(&vm_exc_ValueError, "tuple.index(x): x not in tuple");
}

static Obj *tuple_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("count", kwnames) < 0 || vm_argc("count", nargs, 1, 1) < 0)
        return NULL;
    int64_t c = 0;
    for (ssize_t i = 0; i < TUPLE_LEN(self); i++) {
        int eq = vm_eq(TUPLE_ITEMS(self)[i], args[0]);
        if (eq < 0)
            return NULL;
        c += eq;
    }
    return vm_int_from_i64(c);
}

VM_BINOP_METHOD(tuple_rmul_m, "__rmul__", tuple_binop, NB_MULTIPLY, true)

static const MethodDef tuple_methods[] = {
    {"__rmul__", tuple_rmul_m},
    {"index", tuple_index},
    {"count", tuple_count},
    {NULL, NULL},
};

Type vm_tuple_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "tuple",
    .base = &vm_object_type,
    .flags = TF_TUPLE | TF_GC,
    .traverse = tuple_traverse,
    .basicsize = sizeof(TupleObj),
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcmp = tuple_richcmp,
    .binop = tuple_binop,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .iter = tuple_iter,
    .construct = tuple_construct,
    .methods = tuple_methods,
};
