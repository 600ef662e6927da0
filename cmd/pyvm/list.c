/* cmd/pyvm/list.c: list and its methods.
 *
 * Stage: pyvm.  Growth as CPython (about 1/8 over-allocation), so append is
 * amortized O(1); sort is TimSort-shaped (natural runs, binary insertion,
 * stable merges) using only <, as list.sort(), with CPython's comparison
 * order on short lists.
 */
#include "cmd/pyvm/list.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/pyvm/exc.h"
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

int vm_list_extend(Obj *list, Obj *iterable)
{
    if (TUPLE_CHECK(iterable) || LIST_CHECK(iterable)) {
        Obj **src = TUPLE_CHECK(iterable) ? TUPLE_ITEMS(iterable) : LIST_ITEMS(iterable);
        ssize_t n = TUPLE_CHECK(iterable) ? TUPLE_LEN(iterable) : LIST_LEN(iterable);
        ListObj *l = (ListObj *)list;
        list_grow(l, l->len + n);
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
        vm_list_append(list, v);
        DECREF(v);
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
    for (ssize_t i = 0; i < l->len; i++)
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
    for (ssize_t i = 0; i < n; i++)
        XDECREF(items[i]);
    free(items);
}

static Obj *repr_stack[64];
static int repr_depth;

static Obj *list_repr(Obj *o)
{
    for (int i = 0; i < repr_depth; i++)
        if (repr_stack[i] == o)
            return vm_str_cstr("[...]");
    if (repr_depth >= 64)
        return vm_err_str(&vm_exc_RecursionError,
                          "maximum recursion depth exceeded while getting the repr of an object");
    repr_stack[repr_depth++] = o;
    Obj *r = vm_seq_repr(LIST_ITEMS(o), LIST_LEN(o), "[", "]", false);
    repr_depth--;
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
        DECREF(old[i]);
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
            for (ssize_t i = 0; i < nold; i++)
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
        if (vm_int_as_i64(n, &k) < 0)
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
    vm_list_append(self, args[0]);
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
    if (vm_index(args[0], &i, "list") < 0)
        return NULL;
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
    if (nargs > 1 && vm_index(args[1], &start, "slice") < 0)
        return NULL;
    if (nargs > 2 && vm_index(args[2], &stop, "slice") < 0)
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
    for (ssize_t i = 0; i < n; i++)
        DECREF(items[i]);
    free(items);
    return vm_newref(VM_NONE);
}

/* Merge sort of (key, value) pairs by key with <; stable. */
typedef struct SortItem {
    Obj *key;               /* what is compared */
    Obj *value;             /* the list item */
} SortItem;

static int less(Obj *a, Obj *b)
{
    if (INT_CHECK(a) && INT_CHECK(b) && INT_IS_SMALL(a) && INT_IS_SMALL(b))
        return INT_SMALL(a) < INT_SMALL(b);
    /* keys of one type: their comparison slot directly, entering no
     * recursion level (as CPython's sort of same-type keys) */
    Obj *r = TYPE(a) == TYPE(b) && TYPE(a)->richcmp ? TYPE(a)->richcmp(a, b, CMP_LT) : VM_NOTIMPL;
    if (r == VM_NOTIMPL)    /* as CPython: then the full comparison (__lt__ again) */
        r = vm_richcmp(a, b, CMP_LT);
    if (!r)
        return -1;
    int t = vm_truth(r);
    DECREF(r);
    return t;
}

/* CPython's sort is TimSort; the comparisons a short list sees (and so
 * which pair raises a TypeError first) come from its first two steps,
 * done the same way here: the natural run at the start (strictly
 * descending ones reversed), then binary insertion of the rest, comparing
 * pivot < a[mid].  Longer lists: runs of at least MINRUN made the same
 * way, then stable merges. */
static size_t count_run(SortItem *a, size_t n, int *err)
{
    *err = 0;
    if (n < 2)
        return n;
    int lt = less(a[1].key, a[0].key);
    if (lt < 0) {
        *err = 1;
        return 0;
    }
    size_t k = 2;
    if (lt) {
        for (; k < n; k++) {
            int c = less(a[k].key, a[k - 1].key);
            if (c < 0) {
                *err = 1;
                return 0;
            }
            if (!c)
                break;
        }
        for (size_t i = 0, j = k - 1; i < j; i++, j--) {
            SortItem t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    } else {
        for (; k < n; k++) {
            int c = less(a[k].key, a[k - 1].key);
            if (c < 0) {
                *err = 1;
                return 0;
            }
            if (c)
                break;
        }
    }
    return k;
}

/* a[0:start] is sorted: insert a[start:n] one by one (binary search). */
static int binary_insertion(SortItem *a, size_t n, size_t start)
{
    for (; start < n; start++) {
        SortItem pivot = a[start];
        size_t l = 0, r = start;
        while (l < r) {
            size_t p = l + ((r - l) >> 1);
            int c = less(pivot.key, a[p].key);
            if (c < 0)
                return -1;
            if (c)
                r = p;
            else
                l = p + 1;
        }
        memmove(a + l + 1, a + l, (start - l) * sizeof *a);
        a[l] = pivot;
    }
    return 0;
}

/* Merge the sorted a[0:h] and a[h:n], stably. */
static int merge_runs(SortItem *a, SortItem *tmp, size_t h, size_t n)
{
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        int lt = less(a[j].key, a[i].key);
        if (lt < 0)
            return -1;
        tmp[k++] = lt ? a[j++] : a[i++];
    }
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
    return 0;
}

static int tim_sort(SortItem *a, SortItem *tmp, size_t n)
{
    if (n < 2)
        return 0;
    int err;
    size_t minrun = n;
    if (n >= 64) {
        size_t r = 0;
        while (minrun >= 64) {
            r |= minrun & 1;
            minrun >>= 1;
        }
        minrun += r;
    }
    size_t *runs = ls_xmalloc((n / (minrun ? minrun : 1) + 2) * sizeof *runs);
    size_t nruns = 0, lo = 0;
    while (lo < n) {
        size_t k = count_run(a + lo, n - lo, &err);
        if (err) {
            free(runs);
            return -1;
        }
        if (k < minrun) {
            size_t force = n - lo < minrun ? n - lo : minrun;
            if (binary_insertion(a + lo, force, k) < 0) {
                free(runs);
                return -1;
            }
            k = force;
        }
        runs[nruns++] = lo;
        lo += k;
    }
    runs[nruns] = n;
    /* merge neighbouring runs pairwise until one is left */
    while (nruns > 1) {
        size_t out = 0;
        for (size_t i = 0; i < nruns; i += 2) {
            if (i + 1 < nruns) {
                size_t b = runs[i], m = runs[i + 1], e = runs[i + 2];
                if (merge_runs(a + b, tmp, m - b, e - b) < 0) {
                    free(runs);
                    return -1;
                }
            }
            runs[out++] = runs[i];
        }
        runs[out] = n;
        nruns = out;
    }
    free(runs);
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
    SortItem *items = ls_xmalloc((n + 1) * sizeof *items);
    SortItem *tmp = ls_xmalloc((n + 1) * sizeof *tmp);
    int rc = 0;
    size_t nk = 0;
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
    if (rc == 0) {
        /* reverse=True: reverse, sort stably, reverse back (as CPython) */
        if (reverse)
            for (size_t i = 0, j = n ? n - 1 : 0; i < j; i++, j--) {
                SortItem t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
        rc = tim_sort(items, tmp, n);
        if (reverse)
            for (size_t i = 0, j = n ? n - 1 : 0; i < j; i++, j--) {
                SortItem t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
    }
    if (rc == 0)
        for (size_t i = 0; i < n; i++)
            saved[i] = items[i].value;
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
    free(tmp);
    return rc;
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
            int t = vm_truth(v);
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

static Type lrev_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "list_reverseiterator",
    .base = &vm_object_type, .flags = TF_NOSUBCLASS, .basicsize = sizeof(ListRevIter),
    .dealloc = lrev_dealloc, .iter = lrev_iter, .iternext = lrev_next,
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

static const MethodDef list_methods[] = {
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
