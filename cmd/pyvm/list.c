/* cmd/pyvm/list.c: list and its methods.
 *
 * Stage: pyvm.  Growth as CPython (about 1/8 over-allocation), so append is
 * amortized O(1); sort is CPython 3.11's TimSort (powersort merge policy,
 * galloping merges), so it makes CPython's comparisons in CPython's order.
 */
#include "cmd/pyvm/list.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/range.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

static void list_grow(ListObj *l, ssize_t need)
{
    if (need <= l->cap)
        return;
    ssize_t cap = need + (need >> 3) + (need < 9 ? 3 : 6);
    l->items = ls_xrealloc(l->items, (size_t)cap * sizeof(Obj *));
    l->cap = cap;
}

Obj *vm_list_new(ssize_t n)
{
    ListObj *l = vm_alloc(&vm_list_type, 0);
    l->len = n;
    l->cap = n;
    l->items = n ? ls_xcalloc((size_t)n, sizeof(Obj *)) : NULL;
    return (Obj *)l;
}

/* As vm_list_new, but NULL with MemoryError when the items do not fit in
 * memory (for repetition, whose size the program chooses). */
static Obj *list_try_new(ssize_t n)
{
    if (n == 0)
        return vm_list_new(0);
    Obj **items = calloc((size_t)n, sizeof(Obj *));
    if (!items)
        return vm_err_nomem();
    ListObj *l = (ListObj *)vm_list_new(0);
    l->items = items;
    l->len = n;
    l->cap = n;
    return (Obj *)l;
}

void vm_list_append(Obj *list, Obj *v)
{
    ListObj *l = (ListObj *)list;
    if (l->len == l->cap)
        list_grow(l, l->len + 1);
    l->items[l->len++] = vm_newref(v);
}

/* As list_grow, but -1 with MemoryError (the list unchanged) when there is
 * no memory: for growth the program drives (append, extend, comprehensions). */
static int list_try_grow(ListObj *l, ssize_t need)
{
    if (need <= l->cap)
        return 0;
    ssize_t cap = need + (need >> 3) + (need < 9 ? 3 : 6);
    Obj **p = (size_t)cap < SIZE_MAX / sizeof(Obj *)
              ? realloc(l->items, (size_t)cap * sizeof(Obj *)) : NULL;
    if (!p) {
        vm_err_nomem();
        return -1;
    }
    l->items = p;
    l->cap = cap;
    return 0;
}

int vm_list_try_append(Obj *list, Obj *v)
{
    ListObj *l = (ListObj *)list;
    if (l->len == l->cap && list_try_grow(l, l->len + 1) < 0)
        return -1;
    l->items[l->len++] = vm_newref(v);
    return 0;
}

int vm_list_extend(Obj *list, Obj *iterable)
{
    if (TUPLE_CHECK(iterable) || LIST_CHECK(iterable)) {
        Obj **src = TUPLE_CHECK(iterable) ? TUPLE_ITEMS(iterable) : LIST_ITEMS(iterable);
        ssize_t n = TUPLE_CHECK(iterable) ? TUPLE_LEN(iterable) : LIST_LEN(iterable);
        ListObj *l = (ListObj *)list;
        if (list_try_grow(l, l->len + n) < 0)
            return -1;
        src = TUPLE_CHECK(iterable) ? TUPLE_ITEMS(iterable) : LIST_ITEMS(iterable);
        for (ssize_t i = 0; i < n; i++)
            l->items[l->len + i] = vm_newref(src[i]);
        l->len += n;
        return 0;
    }
    if (TYPE(iterable) == &vm_range_type && !((RangeObj *)iterable)->big[0]) {
        /* room for all of it first, as CPython's length hint: a range too
         * long for the memory there is is a MemoryError at once */
        ListObj *l = (ListObj *)list;
        int64_t need = l->len + ((RangeObj *)iterable)->len;
        if (need > l->cap) {
            Obj **p = (uint64_t)need < SIZE_MAX / sizeof(Obj *) / 2
                      ? realloc(l->items, (size_t)need * sizeof(Obj *)) : NULL;
            if (!p) {
                vm_err_nomem();
                return -1;
            }
            l->items = p;
            l->cap = (ssize_t)need;
        }
    }
    Obj *it = vm_iter(iterable);
    if (!it)
        return -1;
    Obj *v;
    while ((v = vm_next(it)) != NULL) {
        int rc = vm_list_try_append(list, v);
        DECREF(v);
        if (rc < 0 || vm_mem_check_pending() < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return vm_err_occurred() ? -1 : 0;
}

Obj *vm_list_from_iter(Obj *iterable)
{
    Obj *l = vm_list_new(0);
    if (vm_list_extend(l, iterable) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

static void list_dealloc(Obj *o)
{
    ListObj *l = (ListObj *)o;
    for (ssize_t i = l->len; i-- > 0;)     /* last first, as CPython (__del__ order) */
        XDECREF(l->items[i]);
    free(l->items);
    vm_obj_free(o);
}

static void list_traverse(Obj *o, VisitFn visit, void *arg)
{
    ListObj *l = (ListObj *)o;
    for (ssize_t i = 0; i < l->len; i++)
        VISIT(l->items[i]);
}

static void list_gc_clear(Obj *o)
{
    ListObj *l = (ListObj *)o;
    ssize_t n = l->len;
    Obj **items = l->items;
    l->items = NULL;
    l->len = l->cap = 0;
    for (ssize_t i = n; i-- > 0;)
        XDECREF(items[i]);
    free(items);
}

static Obj *list_repr(Obj *o)
{
    if (vm_repr_enter(o))
        return vm_str_cstr("[...]");
    Obj *r = vm_seq_repr(LIST_ITEMS(o), LIST_LEN(o), "[", "]", false);
    vm_repr_leave(o);
    return r;
}

static Obj *list_richcmp(Obj *a, Obj *b, int op)
{
    if (!LIST_CHECK(a) || !LIST_CHECK(b))
        return vm_newref(VM_NOTIMPL);
    return vm_seq_richcmp(LIST_ITEMS(a), LIST_LEN(a), LIST_ITEMS(b), LIST_LEN(b), op);
}

static ssize_t list_len(Obj *o)
{
    return LIST_LEN(o);
}

static Obj *list_getitem(Obj *o, Obj *key)
{
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, LIST_LEN(o), &start, &stop, &step, &n) < 0)
            return NULL;
        Obj *l = vm_list_new(n);
        for (ssize_t i = 0, k = start; i < n; i++, k += step)
            LIST_ITEMS(l)[i] = vm_newref(LIST_ITEMS(o)[k]);
        return l;
    }
    int64_t i;
    if (vm_index(key, &i, "list") < 0)
        return NULL;
    if (i < 0)
        i += LIST_LEN(o);
    if (i < 0 || i >= LIST_LEN(o))
        return vm_err_str(&vm_exc_IndexError, "list index out of range");
    return vm_newref(LIST_ITEMS(o)[i]);
}

static int list_del_slice(ListObj *l, Obj *key)
{
    ssize_t start, stop, step, n;
    if (vm_slice_indices(key, l->len, &start, &stop, &step, &n) < 0)
        return -1;
    if (n == 0)
        return 0;
    bool simple = step == 1;    /* CPython drops a simple slice's items last first */
    if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
    }
    Obj **old = ls_xmalloc((size_t)n * sizeof(Obj *));
    ssize_t w = 0, k = 0;
    for (ssize_t r = 0; r < l->len; r++) {
        if (k < n && r == start + k * step)
            old[k++] = l->items[r];
        else
            l->items[w++] = l->items[r];
    }
    l->len = w;
    for (ssize_t i = 0; i < n; i++)
        DECREF(old[simple ? n - 1 - i : i]);
    free(old);
    return 0;
}

static int list_setitem(Obj *o, Obj *key, Obj *v)
{
    ListObj *l = (ListObj *)o;
    if (SLICE_CHECK(key)) {
        if (!v)
            return list_del_slice(l, key);
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, l->len, &start, &stop, &step, &n) < 0)
            return -1;
        Obj *it = vm_iter(v);
        if (!it) {
            if (vm_err_matches(&vm_exc_TypeError)) {
                vm_err_clear();
                vm_err_str(&vm_exc_TypeError, step == 1 ? "can only assign an iterable"
                           : "must assign iterable to extended slice");
            }
            return -1;
        }
        Obj *src = vm_list_from_iter(it);
        DECREF(it);
        if (!src)
            return -1;
        ssize_t m = LIST_LEN(src);
        if (step == 1) {
            if (stop < start)
                stop = start;
            ssize_t d = m - (stop - start);
            Obj **old = ls_xmalloc((size_t)(stop - start + 1) * sizeof(Obj *));
            if (stop > start)       /* l->items may be NULL (an empty list) */
                memcpy(old, l->items + start, (size_t)(stop - start) * sizeof(Obj *));
            ssize_t nold = stop - start;
            list_grow(l, l->len + d);
            if (l->len > stop)
                memmove(l->items + stop + d, l->items + stop, (size_t)(l->len - stop) * sizeof(Obj *));
            for (ssize_t i = 0; i < m; i++)
                l->items[start + i] = vm_newref(LIST_ITEMS(src)[i]);
            l->len += d;
            for (ssize_t i = nold; i-- > 0;)
                DECREF(old[i]);
            free(old);
        } else {
            if (m != n) {
                DECREF(src);
                vm_err_fmt(&vm_exc_ValueError, "attempt to assign sequence of size %zd to "
                           "extended slice of size %zd", m, n);
                return -1;
            }
            for (ssize_t i = 0, k = start; i < n; i++, k += step) {
                Obj *old = l->items[k];
                l->items[k] = vm_newref(LIST_ITEMS(src)[i]);
                DECREF(old);
            }
        }
        DECREF(src);
        return 0;
    }
    int64_t i;
    if (vm_index(key, &i, "list") < 0)
        return -1;
    if (i < 0)
        i += l->len;
    if (i < 0 || i >= l->len) {
        vm_err_str(&vm_exc_IndexError, v ? "list assignment index out of range"
                                         : "list assignment index out of range");
        return -1;
    }
    Obj *old = l->items[i];
    if (v) {
        l->items[i] = vm_newref(v);
    } else {
        memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Obj *));
        l->len--;
    }
    DECREF(old);
    return 0;
}

static int list_contains(Obj *o, Obj *v)
{
    for (ssize_t i = 0; i < LIST_LEN(o); i++) {
        int eq = LIST_ITEMS(o)[i] == v ? 1 : vm_eq(LIST_ITEMS(o)[i], v);
        if (eq)
            return eq;
    }
    return 0;
}

static Obj *list_binop(Obj *a, Obj *b, int op)
{
    bool inplace = op >= NB_INPLACE_FIRST;
    int o = inplace ? op - NB_INPLACE_FIRST : op;
    if (o == NB_ADD && LIST_CHECK(a)) {
        if (inplace) {
            if (vm_list_extend(a, b) < 0)
                return NULL;
            return vm_newref(a);
        }
        if (!LIST_CHECK(b))
            return vm_err_fmt(&vm_exc_TypeError,
                              "can only concatenate list (not \"%s\") to list", vm_tname(b));
        Obj *l = vm_list_new(0);
        if (vm_list_extend(l, a) < 0 || vm_list_extend(l, b) < 0) {
            DECREF(l);
            return NULL;
        }
        return l;
    }
    if (o == NB_MULTIPLY && (INT_CHECK(a) || INT_CHECK(b))) {
        Obj *seq = LIST_CHECK(a) ? a : b, *n = seq == a ? b : a;
        int64_t k;
        if (vm_repeat_count(n, &k) < 0)
            return NULL;
        if (k < 0)
            k = 0;
        ssize_t len = LIST_LEN(seq);
        if (len && k > (int64_t)(SSIZE_MAX / 16) / len)
            return vm_err_nomem();
        Obj *l = list_try_new(len * (ssize_t)k);
        if (!l)
            return NULL;
        for (ssize_t i = 0; i < len * (ssize_t)k; i++)
            LIST_ITEMS(l)[i] = vm_newref(LIST_ITEMS(seq)[i % len]);
        if (inplace && seq == a) {
            /* a *= k: replace a's items */
            ListObj *la = (ListObj *)a, *ll = (ListObj *)l;
            Obj **tmp = la->items;
            ssize_t tlen = la->len, tcap = la->cap;
            la->items = ll->items; la->len = ll->len; la->cap = ll->cap;
            ll->items = tmp; ll->len = tlen; ll->cap = tcap;
            DECREF(l);
            return vm_newref(a);
        }
        return l;
    }
    return vm_newref(VM_NOTIMPL);
}

static Obj *list_iter(Obj *o)
{
    return vm_seq_iter(o);
}

/* ---- methods ---- */

static Obj *list_append_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("append", kwnames) < 0 || vm_argc("list.append", nargs, 1, 1) < 0)
        return NULL;
    if (vm_list_try_append(self, args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *list_extend_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("extend", kwnames) < 0 || vm_argc("list.extend", nargs, 1, 1) < 0)
        return NULL;
    if (vm_list_extend(self, args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *list_pop(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("pop", kwnames) < 0 || vm_argc("pop", nargs, 0, 1) < 0)
        return NULL;
    ListObj *l = (ListObj *)self;
    int64_t i = -1;
    if (nargs && vm_index(args[0], &i, "list") < 0)
        return NULL;
    if (l->len == 0)
        return vm_err_str(&vm_exc_IndexError, "pop from empty list");
    if (i < 0)
        i += l->len;
    if (i < 0 || i >= l->len)
        return vm_err_str(&vm_exc_IndexError, "pop index out of range");
    Obj *v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Obj *));
    l->len--;
    return v;
}

static Obj *list_insert(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("insert", kwnames) < 0 || vm_argc("insert", nargs, 2, 2) < 0)
        return NULL;
    ListObj *l = (ListObj *)self;
    int64_t i;
    Obj *io = vm_number_index(args[0]);
    if (!io)
        return NULL;
    bool fits = INT_IS_SMALL(io);
    i = fits ? INT_SMALL(io) : 0;
    DECREF(io);
    if (!fits)
        return vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C ssize_t");
    if (i < 0) {
        i += l->len;
        if (i < 0)
            i = 0;
    }
    if (i > l->len)
        i = l->len;
    list_grow(l, l->len + 1);
    memmove(l->items + i + 1, l->items + i, (size_t)(l->len - i) * sizeof(Obj *));
    l->items[i] = vm_newref(args[1]);
    l->len++;
    return vm_newref(VM_NONE);
}

static Obj *list_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("index", kwnames) < 0 || vm_argc("index", nargs, 1, 3) < 0)
        return NULL;
    int64_t start = 0, stop = LIST_LEN(self);
    if (nargs > 1 && vm_clamped_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && vm_clamped_index(args[2], &stop) < 0)
        return NULL;
    if (start < 0 && (start += LIST_LEN(self)) < 0)
        start = 0;
    if (stop < 0 && (stop += LIST_LEN(self)) < 0)
        stop = 0;
    for (ssize_t i = (ssize_t)start; i < LIST_LEN(self) && i < stop; i++) {
        int eq = vm_eq(LIST_ITEMS(self)[i], args[0]);
        if (eq < 0)
            return NULL;
        if (eq)
            return vm_int_from_i64(i);
    }
    Obj *r = vm_repr(args[0]);
    if (!r)
        return NULL;
    vm_err_fmt(&vm_exc_ValueError, "%s is not in list", STR_DATA(r));
    DECREF(r);
    return NULL;
}

static Obj *list_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("count", kwnames) < 0 || vm_argc("count", nargs, 1, 1) < 0)
        return NULL;
    int64_t c = 0;
    for (ssize_t i = 0; i < LIST_LEN(self); i++) {
        int eq = vm_eq(LIST_ITEMS(self)[i], args[0]);
        if (eq < 0)
            return NULL;
        c += eq;
    }
    return vm_int_from_i64(c);
}

static Obj *list_remove(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("remove", kwnames) < 0 || vm_argc("remove", nargs, 1, 1) < 0)
        return NULL;
    ListObj *l = (ListObj *)self;
    for (ssize_t i = 0; i < l->len; i++) {
        int eq = vm_eq(l->items[i], args[0]);
        if (eq < 0)
            return NULL;
        if (eq) {
            Obj *v = l->items[i];
            memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Obj *));
            l->len--;
            DECREF(v);
            return vm_newref(VM_NONE);
        }
    }
    return vm_err_str(&vm_exc_ValueError, "list.remove(x): x not in list");
}

static Obj *list_reverse(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("reverse", kwnames) < 0 || vm_argc("reverse", nargs, 0, 0) < 0)
        return NULL;
    ListObj *l = (ListObj *)self;
    for (ssize_t i = 0, j = l->len - 1; i < j; i++, j--) {
        Obj *t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return vm_newref(VM_NONE);
}

static Obj *list_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("copy", kwnames) < 0 || vm_argc("copy", nargs, 0, 0) < 0)
        return NULL;
    return vm_list_from_iter(self);
}

static Obj *list_clear(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("clear", kwnames) < 0 || vm_argc("clear", nargs, 0, 0) < 0)
        return NULL;
    ListObj *l = (ListObj *)self;
    ssize_t n = l->len;
    Obj **items = l->items;
    l->items = NULL;
    l->len = l->cap = 0;
    for (ssize_t i = n; i-- > 0;)
        DECREF(items[i]);
    free(items);
    return vm_newref(VM_NONE);
}

/* list.sort: TimSort, making the very comparisons CPython 3.11 makes, in
 * the same order (a key or __lt__ that counts or logs calls sees the same
 * sequence, and inconsistent comparisons give the same result).
 *
 *   - runs: the natural run at lo (strictly descending runs reversed in
 *     place), extended to minrun by binary insertion (pivot < a[mid]);
 *     minrun is n's top 6 bits, plus 1 when any lower bit is set;
 *   - pending runs merge by the powersort policy: a new run's "power" is
 *     the first bit where the midpoints of it and the run before it differ
 *     as fractions of n; runs under a deeper power merge first; at the
 *     end the stack collapses from the top;
 *   - a merge first gallops to trim A's prefix that is <= B[0] and B's
 *     suffix that is >= A[-1], then merges from the low end (A shorter)
 *     or the high end, one at a time until one side wins min_gallop times
 *     in a row, then by galloping until both sides win fewer than
 *     SORT_MIN_GALLOP; min_gallop starts at 7 and adapts per sort.
 *
 * Every comparison is a < b (less()); an error leaves the items a
 * permutation of the original ones. */
typedef struct SortItem {
    Obj *key;               /* what is compared */
    Obj *value;             /* the list item */
} SortItem;

enum {
    SORT_MIN_GALLOP = 7,    /* initial galloping threshold */
    SORT_MAX_RUNS = 128,    /* pending-run stack depth (powersort needs
                             * fewer than 2 + log2(n)) */
};

typedef struct SortRun {
    ssize_t base;           /* index of the run's first item */
    ssize_t len;            /* its length */
    int power;              /* powersort node power with the run after */
} SortRun;

typedef struct SortState {
    SortItem *a;            /* the items being sorted */
    SortItem *tmp;          /* merge scratch space, n items */
    ssize_t n;              /* number of items */
    ssize_t min_gallop;     /* current galloping threshold */
    Type *same_type;        /* the type of every key, if they share one with
                             * a comparison slot (CPython's pre-sort check) */
    SortRun runs[SORT_MAX_RUNS]; /* pending runs, bottom first */
    int nruns;              /* how many are pending */
} SortState;

/* a < b: 1, 0, or -1 with an exception set. */
static int less(const SortState *s, Obj *a, Obj *b)
{
    /* exact ints (and bools): no __lt__ of a subclass can be involved */
    if ((TYPE(a) == &vm_int_type || TYPE(a) == &vm_bool_type)
        && (TYPE(b) == &vm_int_type || TYPE(b) == &vm_bool_type)
        && INT_IS_SMALL(a) && INT_IS_SMALL(b))
        return INT_SMALL(a) < INT_SMALL(b);
    /* keys all of one type: floats and strs compared in place, others by
     * their type's comparison slot directly, with the full comparison when
     * it declines (CPython's type-specialised compares, which make the
     * same calls as the general one) */
    const Type *t = s->same_type;
    if (t == &vm_float_type)
        return FLOAT_VAL(a) < FLOAT_VAL(b);
    if (t == &vm_str_type) {
        ssize_t la = STR_LEN(a), lb = STR_LEN(b);
        int c = memcmp(STR_DATA(a), STR_DATA(b), (size_t)(la < lb ? la : lb));
        return c < 0 || (c == 0 && la < lb);  /* UTF-8 order is code point order */
    }
    Obj *r = t ? t->richcmp(a, b, CMP_LT) : NULL;
    if (!r && t)
        return -1;
    if (r == VM_NOTIMPL || !r) {
        if (r)
            DECREF(r);
        r = vm_richcmp(a, b, CMP_LT);
    }
    if (!r)
        return -1;
    int truth = vm_truth(r);
    DECREF(r);
    return truth;
}

/* The length of the run at a[0:n]; a strictly descending one is reversed.
 * -1 on error. */
static ssize_t count_run(const SortState *s, SortItem *a, ssize_t n)
{
    if (n < 2)
        return n;
    int c = less(s, a[1].key, a[0].key);
    if (c < 0)
        return -1;
    ssize_t k = 2;
    bool descending = c;
    for (; k < n; k++) {
        c = less(s, a[k].key, a[k - 1].key);
        if (c < 0)
            return -1;
        if (c != descending)
            break;
    }
    if (descending)
        for (ssize_t i = 0, j = k - 1; i < j; i++, j--) {
            SortItem t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    return k;
}

/* a[0:start] is sorted: insert a[start:n] one by one (binary search). */
static int binary_insertion(const SortState *s, SortItem *a, ssize_t n, ssize_t start)
{
    if (start == 0)
        start = 1;
    for (; start < n; start++) {
        SortItem pivot = a[start];
        ssize_t l = 0, r = start;
        while (l < r) {
            ssize_t p = l + ((r - l) >> 1);
            int c = less(s, pivot.key, a[p].key);
            if (c < 0)
                return -1;
            if (c)
                r = p;
            else
                l = p + 1;
        }
        memmove(a + l + 1, a + l, (size_t)(start - l) * sizeof *a);
        a[l] = pivot;
    }
    return 0;
}

/* In the sorted a[0:n], the k with a[k-1] < key <= a[k], found by
 * galloping out from a[hint] (1, 3, 7, ... away) and then bisecting.
 * -1 on error. */
static ssize_t gallop_left(const SortState *s, Obj *key, const SortItem *a, ssize_t n,
                           ssize_t hint)
{
    ssize_t lo, hi;                 /* then a[lo] < key <= a[hi] */
    ssize_t last = 0, ofs = 1;      /* offsets from hint */
    int c = less(s, a[hint].key, key);
    if (c < 0)
        return -1;
    if (c) {                        /* gallop right */
        ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            c = less(s, a[hint + ofs].key, key);
            if (c < 0)
                return -1;
            if (!c)
                break;
            last = ofs;
            ofs = 2 * ofs + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lo = hint + last;
        hi = hint + ofs;
    } else {                        /* gallop left */
        ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            c = less(s, a[hint - ofs].key, key);
            if (c < 0)
                return -1;
            if (c)
                break;
            last = ofs;
            ofs = 2 * ofs + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lo = hint - ofs;
        hi = hint - last;
    }
    for (lo++; lo < hi;) {
        ssize_t m = lo + ((hi - lo) >> 1);
        c = less(s, a[m].key, key);
        if (c < 0)
            return -1;
        if (c)
            lo = m + 1;
        else
            hi = m;
    }
    return hi;
}

/* As gallop_left, but the k with a[k-1] <= key < a[k] (after equal ones). */
static ssize_t gallop_right(const SortState *s, Obj *key, const SortItem *a, ssize_t n,
                            ssize_t hint)
{
    ssize_t lo, hi;                 /* then a[lo] <= key < a[hi] */
    ssize_t last = 0, ofs = 1;
    int c = less(s, key, a[hint].key);
    if (c < 0)
        return -1;
    if (c) {                        /* gallop left */
        ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            c = less(s, key, a[hint - ofs].key);
            if (c < 0)
                return -1;
            if (!c)
                break;
            last = ofs;
            ofs = 2 * ofs + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lo = hint - ofs;
        hi = hint - last;
    } else {                        /* gallop right */
        ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            c = less(s, key, a[hint + ofs].key);
            if (c < 0)
                return -1;
            if (c)
                break;
            last = ofs;
            ofs = 2 * ofs + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lo = hint + last;
        hi = hint + ofs;
    }
    for (lo++; lo < hi;) {
        ssize_t m = lo + ((hi - lo) >> 1);
        c = less(s, key, a[m].key);
        if (c < 0)
            return -1;
        if (c)
            hi = m;
        else
            lo = m + 1;
    }
    return hi;
}

#define SORT_MOVE(dst, src, k) memmove((dst), (src), (size_t)(k) * sizeof(SortItem))

/* Merge the runs A = a[sa:sa+na] and B (just after it, nb items) from the
 * low end, A in the scratch space; na <= nb, A[0] > B[0] and A[-1] is
 * above all of B (the trims of merge_at). */
static int merge_lo(SortState *s, ssize_t sa, ssize_t na, ssize_t nb)
{
    SortItem *a = s->a, *t = s->tmp;
    ssize_t dest = sa, pa = 0, pb = sa + na, mg = s->min_gallop, k;
    ssize_t acount, bcount;         /* wins in a row of A, of B */
    int c, rc = 0;
    SORT_MOVE(t, a + sa, na);
    a[dest++] = a[pb++];
    if (--nb == 0)
        goto done;
    if (na == 1)
        goto last_a;
    for (;;) {
        acount = bcount = 0;
        /* one at a time, until one side keeps winning */
        for (;;) {
            c = less(s, a[pb].key, t[pa].key);
            if (c < 0)
                goto fail;
            if (c) {
                a[dest++] = a[pb++];
                bcount++;
                acount = 0;
                if (--nb == 0)
                    goto done;
                if (bcount >= mg)
                    break;
            } else {
                a[dest++] = t[pa++];
                acount++;
                bcount = 0;
                if (--na == 1)
                    goto last_a;
                if (acount >= mg)
                    break;
            }
        }
        /* galloping, while it keeps paying */
        mg++;
        do {
            mg -= mg > 1;
            s->min_gallop = mg;
            k = gallop_right(s, a[pb].key, t + pa, na, 0);
            if (k < 0)
                goto fail;
            acount = k;
            if (k) {
                SORT_MOVE(a + dest, t + pa, k);
                dest += k;
                pa += k;
                na -= k;
                if (na == 1)
                    goto last_a;
                if (na == 0)        /* only if < is inconsistent */
                    goto done;
            }
            a[dest++] = a[pb++];
            if (--nb == 0)
                goto done;
            k = gallop_left(s, t[pa].key, a + pb, nb, 0);
            if (k < 0)
                goto fail;
            bcount = k;
            if (k) {
                SORT_MOVE(a + dest, a + pb, k);
                dest += k;
                pb += k;
                nb -= k;
                if (nb == 0)
                    goto done;
            }
            a[dest++] = t[pa++];
            if (--na == 1)
                goto last_a;
        } while (acount >= SORT_MIN_GALLOP || bcount >= SORT_MIN_GALLOP);
        mg++;                       /* leaving galloping costs */
        s->min_gallop = mg;
    }
fail:
    rc = -1;
done:
    SORT_MOVE(a + dest, t + pa, na);
    return rc;
last_a:                             /* A's last item goes after the rest of B */
    SORT_MOVE(a + dest, a + pb, nb);
    a[dest + nb] = t[pa];
    return 0;
}

/* As merge_lo from the high end, B in the scratch space; na > nb. */
static int merge_hi(SortState *s, ssize_t sa, ssize_t na, ssize_t nb)
{
    SortItem *a = s->a, *t = s->tmp;
    ssize_t sb = sa + na, mg = s->min_gallop, k;
    ssize_t dest = sb + nb - 1, pa = sb - 1, pb = nb - 1;
    ssize_t acount, bcount;
    int c, rc = 0;
    SORT_MOVE(t, a + sb, nb);
    a[dest--] = a[pa--];
    if (--na == 0)
        goto done;
    if (nb == 1)
        goto first_b;
    for (;;) {
        acount = bcount = 0;
        for (;;) {
            c = less(s, t[pb].key, a[pa].key);
            if (c < 0)
                goto fail;
            if (c) {
                a[dest--] = a[pa--];
                acount++;
                bcount = 0;
                if (--na == 0)
                    goto done;
                if (acount >= mg)
                    break;
            } else {
                a[dest--] = t[pb--];
                bcount++;
                acount = 0;
                if (--nb == 1)
                    goto first_b;
                if (bcount >= mg)
                    break;
            }
        }
        mg++;
        do {
            mg -= mg > 1;
            s->min_gallop = mg;
            k = gallop_right(s, t[pb].key, a + sa, na, na - 1);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                dest -= k;
                pa -= k;
                SORT_MOVE(a + dest + 1, a + pa + 1, k);
                na -= k;
                if (na == 0)
                    goto done;
            }
            a[dest--] = t[pb--];
            if (--nb == 1)
                goto first_b;
            k = gallop_left(s, a[pa].key, t, nb, nb - 1);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                dest -= k;
                pb -= k;
                SORT_MOVE(a + dest + 1, t + pb + 1, k);
                nb -= k;
                if (nb == 1)
                    goto first_b;
                if (nb == 0)        /* only if < is inconsistent */
                    goto done;
            }
            a[dest--] = a[pa--];
            if (--na == 0)
                goto done;
        } while (acount >= SORT_MIN_GALLOP || bcount >= SORT_MIN_GALLOP);
        mg++;
        s->min_gallop = mg;
    }
fail:
    rc = -1;
done:
    SORT_MOVE(a + dest - (nb - 1), t, nb);
    return rc;
first_b:                            /* B's first item goes before the rest of A */
    dest -= na;
    pa -= na;
    SORT_MOVE(a + dest + 1, a + pa + 1, na);
    a[dest] = t[pb];
    return 0;
}

/* Merge pending runs i and i+1 into run i. */
static int merge_at(SortState *s, int i)
{
    SortRun *r = s->runs;
    ssize_t sa = r[i].base, na = r[i].len, sb = r[i + 1].base, nb = r[i + 1].len;
    r[i].len = na + nb;
    if (i == s->nruns - 3)
        r[i + 1] = r[i + 2];
    s->nruns--;
    /* A's items <= B[0] are already in place */
    ssize_t k = gallop_right(s, s->a[sb].key, s->a + sa, na, 0);
    if (k < 0)
        return -1;
    sa += k;
    na -= k;
    if (na == 0)
        return 0;
    /* and so are B's items >= A[-1] */
    nb = gallop_left(s, s->a[sa + na - 1].key, s->a + sb, nb, nb - 1);
    if (nb <= 0)
        return (int)nb;
    return na <= nb ? merge_lo(s, sa, na, nb) : merge_hi(s, sa, na, nb);
}

/* The powersort power of the boundary between the run a[s1:s1+n1] and
 * the one after it (n2 items) in a list of n: the number of leading
 * binary digits that the two runs' midpoints, as fractions of n, share
 * plus one.  Computed on doubled midpoints to stay in integers. */
static int sort_power(ssize_t s1, ssize_t n1, ssize_t n2, ssize_t n)
{
    ssize_t x = 2 * s1 + n1, y = x + n1 + n2;
    int p = 0;
    for (;;) {
        p++;
        if (x >= n) {
            x -= n;
            y -= n;
        } else if (y >= n) {
            break;
        }
        x <<= 1;
        y <<= 1;
    }
    return p;
}

/* Push the run a[base:base+len], first merging the pending runs that
 * powersort puts below the new boundary. */
static int push_run(SortState *s, ssize_t base, ssize_t len)
{
    SortRun *r = s->runs;
    if (s->nruns > 0) {
        SortRun *top = &r[s->nruns - 1];
        int p = sort_power(top->base, top->len, len, s->n);
        while (s->nruns > 1 && r[s->nruns - 2].power > p)
            if (merge_at(s, s->nruns - 2) < 0)
                return -1;
        r[s->nruns - 1].power = p;
    }
    r[s->nruns].base = base;
    r[s->nruns].len = len;
    r[s->nruns].power = 0;
    s->nruns++;
    return 0;
}

static ssize_t sort_minrun(ssize_t n)
{
    ssize_t low = 0;
    while (n >= 64) {
        low |= n & 1;
        n >>= 1;
    }
    return n + low;
}

static int tim_sort(SortState *s)
{
    ssize_t n = s->n, lo = 0, minrun = sort_minrun(n);
    if (n < 2)
        return 0;
    while (lo < n) {
        ssize_t left = n - lo;
        ssize_t k = count_run(s, s->a + lo, left);
        if (k < 0)
            return -1;
        if (k < minrun) {
            ssize_t force = left <= minrun ? left : minrun;
            if (binary_insertion(s, s->a + lo, force, k) < 0)
                return -1;
            k = force;
        }
        if (push_run(s, lo, k) < 0)
            return -1;
        lo += k;
    }
    while (s->nruns > 1) {
        int i = s->nruns - 2;
        if (i > 0 && s->runs[i - 1].len < s->runs[i + 1].len)
            i--;
        if (merge_at(s, i) < 0)
            return -1;
    }
    return 0;
}

int vm_list_sort(Obj *list, Obj *key, bool reverse)
{
    ListObj *l = (ListObj *)list;
    size_t n = (size_t)l->len;
    /* As CPython: the list is empty while it sorts, so a key function or
     * comparison that changes it is caught afterwards. */
    Obj **saved = l->items;
    ssize_t saved_cap = l->cap;
    l->items = NULL;
    l->len = 0;
    l->cap = 0;
    SortState *s = ls_xcalloc(1, sizeof *s);
    SortItem *items = ls_xmalloc((n + 1) * sizeof *items);
    int rc = 0;
    size_t nk = 0;
    /* key is called once per item, in order, before any comparison */
    for (; nk < n; nk++) {
        items[nk].value = saved[nk];
        if (key) {
            items[nk].key = vm_call(key, &saved[nk], 1, NULL);
            if (!items[nk].key) {
                rc = -1;
                break;
            }
        } else {
            items[nk].key = saved[nk];
        }
    }
    if (rc == 0 && n > 1) {
        s->a = items;
        s->tmp = ls_xmalloc(n * sizeof *s->tmp);
        s->n = (ssize_t)n;
        s->min_gallop = SORT_MIN_GALLOP;
        s->same_type = TYPE(items[0].key);
        for (size_t i = 1; i < n && s->same_type; i++)
            if (TYPE(items[i].key) != s->same_type)
                s->same_type = NULL;
        if (s->same_type && !s->same_type->richcmp)
            s->same_type = NULL;
        /* reverse=True: reverse, sort stably, reverse back (as CPython,
         * which reverses back also after a failed comparison) */
        if (reverse)
            for (size_t i = 0, j = n - 1; i < j; i++, j--) {
                SortItem t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
        rc = tim_sort(s);
        if (reverse)
            for (size_t i = 0, j = n - 1; i < j; i++, j--) {
                SortItem t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
        /* sorted, or (after an error) some permutation of the items */
        for (size_t i = 0; i < n; i++)
            saved[i] = items[i].value;
        free(s->tmp);
    }
    if (l->items || l->len) {
        Obj **junk = l->items;
        ssize_t jn = l->len;
        l->items = NULL;
        l->len = 0;
        for (ssize_t i = 0; i < jn; i++)
            DECREF(junk[i]);
        free(junk);
        if (rc == 0) {
            vm_err_str(&vm_exc_ValueError, "list modified during sort");
            rc = -1;
        }
    }
    l->items = saved;
    l->len = (ssize_t)n;
    l->cap = saved_cap;
    if (key)
        for (size_t i = 0; i < nk; i++)
            DECREF(items[i].key);
    free(items);
    free(s);
    return rc;
}

int vm_sort_reverse_arg(Obj *v)
{
    Obj *i = vm_number_index(v);
    if (!i)
        return -1;
    int t = vm_truth(i);
    DECREF(i);
    return t;
}

int vm_clamped_index(Obj *o, int64_t *out)
{
    Obj *i = INT_CHECK(o) ? vm_newref(o) : NULL;
    if (!i && (TYPE(o)->flags & TF_HEAP)
        && vm_type_lookup(TYPE(o), vm_str_intern("__index__", 9)))
        i = vm_number_index(o);
    if (!i) {
        if (!vm_err_occurred())
            vm_err_str(&vm_exc_TypeError,
                       "slice indices must be integers or have an __index__ method");
        return -1;
    }
    if (INT_IS_SMALL(i))
        *out = INT_SMALL(i);
    else
        *out = ((IntObj *)i)->sign < 0 ? -SSIZE_MAX : SSIZE_MAX;
    DECREF(i);
    return 0;
}

int vm_repeat_count(Obj *n, int64_t *out)
{
    if (!INT_IS_SMALL(n)) {
        vm_err_str(&vm_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    *out = INT_SMALL(n);
    return 0;
}

static Obj *list_sort_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ssize_t nkw = kwnames ? TUPLE_LEN(kwnames) : 0;
    nargs -= (size_t)nkw;
    if (nargs > 0)
        return vm_err_str(&vm_exc_TypeError, "sort() takes no positional arguments");
    Obj *key = NULL;
    bool reverse = false;
    for (ssize_t i = 0; i < nkw; i++) {
        Obj *k = TUPLE_ITEMS(kwnames)[i], *v = args[nargs + (size_t)i];
        if (vm_str_eqc(k, "key")) {
            key = v == VM_NONE ? NULL : v;
        } else if (vm_str_eqc(k, "reverse")) {
            int t = vm_sort_reverse_arg(v);
            if (t < 0)
                return NULL;
            reverse = t;
        } else {
            return vm_err_fmt(&vm_exc_TypeError,
                              "'%s' is an invalid keyword argument for sort()", STR_DATA(k));
        }
    }
    if (vm_list_sort(self, key, reverse) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *list_init_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("list", kwnames) < 0 || vm_argc("list", nargs, 0, 1) < 0)
        return NULL;
    Obj *r = list_clear(self, NULL, 0, NULL);
    if (!r)
        return NULL;
    DECREF(r);
    if (nargs && vm_list_extend(self, args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

/* reversed(list): a list_reverseiterator over the live list */
typedef struct ListRevIter {
    Obj ob;
    Obj *list;              /* the list, NULL when done */
    ssize_t i;              /* next index, counting down */
} ListRevIter;

static void lrev_dealloc(Obj *o)
{
    XDECREF(((ListRevIter *)o)->list);
    vm_obj_free(o);
}

static Obj *lrev_iter(Obj *o)
{
    return vm_newref(o);
}

static Obj *lrev_next(Obj *o)
{
    ListRevIter *r = (ListRevIter *)o;
    if (!r->list)
        return NULL;
    if (r->i >= 0 && r->i < LIST_LEN(r->list))
        return vm_newref(LIST_ITEMS(r->list)[r->i--]);
    CLEAR(r->list);
    return NULL;
}

/* __length_hint__: index + 1, or 0 once the list is shorter than that */
static Obj *lrev_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ListRevIter *r = (ListRevIter *)self;
    ssize_t n = r->list && r->i + 1 <= LIST_LEN(r->list) ? r->i + 1 : 0;
    return vm_int_from_i64(n);
}

static const MethodDef lrev_methods[] = {
    {"__length_hint__", lrev_hint},
    {NULL, NULL},
};

static Type lrev_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "list_reverseiterator",
    .base = &vm_object_type, .flags = TF_NOSUBCLASS, .basicsize = sizeof(ListRevIter),
    .dealloc = lrev_dealloc, .iter = lrev_iter, .iternext = lrev_next,
    .methods = lrev_methods,
};

static Obj *list_reversed_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__reversed__", kwnames) < 0 || vm_argc("__reversed__", nargs, 0, 0) < 0)
        return NULL;
    vm_type_ready(&lrev_type);
    ListRevIter *r = vm_alloc(&lrev_type, 0);
    r->list = vm_newref(self);
    r->i = LIST_LEN(self) - 1;
    return (Obj *)r;
}

VM_BINOP_METHOD(list_iadd_m, "__iadd__", list_binop, NB_INPLACE_FIRST + NB_ADD, false)
VM_BINOP_METHOD(list_imul_m, "__imul__", list_binop, NB_INPLACE_FIRST + NB_MULTIPLY, false)
VM_BINOP_METHOD(list_rmul_m, "__rmul__", list_binop, NB_MULTIPLY, true)

static const MethodDef list_methods[] = {
    {"__iadd__", list_iadd_m},
    {"__imul__", list_imul_m},
    {"__rmul__", list_rmul_m},
    {"__reversed__", list_reversed_m},
    {"__init__", list_init_m},
    {"append", list_append_m},
    {"extend", list_extend_m},
    {"pop", list_pop},
    {"insert", list_insert},
    {"index", list_index},
    {"count", list_count},
    {"remove", list_remove},
    {"reverse", list_reverse},
    {"copy", list_copy},
    {"clear", list_clear},
    {"sort", list_sort_m},
    {NULL, NULL},
};

static Obj *list_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("list", kwnames) < 0 || vm_argc("list", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return vm_list_new(0);
    return vm_list_from_iter(args[0]);
}

static int list_truth(Obj *o)
{
    return LIST_LEN(o) != 0;
}

static int nohash(Obj *o, int64_t *out)
{
    vm_err_fmt(&vm_exc_TypeError, "unhashable type: '%s'", vm_tname(o));
    return -1;
}

Type vm_list_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "list",
    .base = &vm_object_type,
    .flags = TF_LIST | TF_GC,
    .traverse = list_traverse,
    .clear = list_gc_clear,
    .basicsize = sizeof(ListObj),
    .dealloc = list_dealloc,
    .repr = list_repr,
    .hash = nohash,
    .richcmp = list_richcmp,
    .binop = list_binop,
    .truth = list_truth,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .iter = list_iter,
    .construct = list_construct,
    .methods = list_methods,
};
