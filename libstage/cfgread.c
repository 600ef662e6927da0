/* libstage/cfgread.c: the CFG text reader (formats/cfg.md), for pyasm.
 *
 * Reads format "cfg" version 1 and builds AsmFile (cfgread.h): one AsmCode
 * per `.code` section, with names, constants and locals already resolved to
 * table indices and jump labels to block indices.  Every error names the
 * line and exits 2.
 */
#include "libstage/cfgread.h"
#include "libstage/cfg.h"
#include "libstage/opcodes.h"
#include "libstage/repr.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A label definition: L<num> is block blk. */
typedef struct LabelDef {
    int num;           /* the N of LN */
    int blk;           /* block index */
} LabelDef;

/* Reader state. */
typedef struct Rd {
    const char *name;   /* input name for messages */
    const char *source; /* SOURCE of the header: the default co_filename */
    Arena *a;           /* where everything is allocated */
    long line;          /* current line */
    const char *p, *end;/* cursor within the current line */
    AsmFile *file;      /* the result */
    AsmCode *cur;       /* section being read, or NULL */
    bool in_blocks;     /* a label has been seen in cur */
    bool fallen;        /* last instruction of the current block ends it */
    LabelDef *labels;   /* labels of cur numbered LABIDX_MAX or more */
    size_t nlabels, caplabels;  /* used and allocated entries of labels */
    int *labidx;        /* labidx[N]: block of LN + 1, 0 if undefined (N < LABIDX_MAX) */
    size_t caplabidx;   /* entries in labidx */
    int *consth;        /* hash of cur's co_consts: index + 1, 0 empty */
    size_t capconsth;   /* slots in consth, a power of 2 */
    int *nameh;         /* the same for co_names */
    size_t capnameh;    /* slots in nameh */
    size_t capcodes;    /* allocated entries of file->codes */
    size_t capblocks, capconsts, capnames, caplocals, capexc;  /* allocated entries of
                           cur's blocks, consts, names, localsplus, excepts */
    bool seen_name, seen_qualname; /* .name and .qualname lines seen in cur */
    /* code sections by id (placeholders made at first reference) */
    LsCode **byid;      /* LsCode of section id, or NULL */
    long *defline;      /* line of .code id, 0 when not (yet) defined */
    long *refline;      /* line of the first code:id reference, 0 if none */
    int *refby;         /* the section holding that reference */
    size_t nid;         /* entries in byid/defline/refline/refby */
} Rd;

noreturn void ls_cfg_error(const char *name, long line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ls_die(LS_EXIT_USAGE, "%s:%ld: %s", name, line, msg);
}

#define ERR(r, ...) ls_cfg_error((r)->name, (r)->line, __VA_ARGS__)

/* Grow an arena array p of *cap entries of size bytes to hold need. */
static void *grow_in(Arena *a, void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap * 2 : 8;
    while (c < need)
        c *= 2;
    void *q = arena_alloc(a, c * size);
    if (*cap)
        memcpy(q, p, *cap * size);
    *cap = c;
    return q;
}
#define grow(p, cap, need, size) grow_in(r->a, p, cap, need, size)

/* ---- lexical helpers ---- */

static void skip_ws(Rd *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r'))
        r->p++;
}

/* At the end of the line, allowing a trailing comment? */
static bool at_eol(Rd *r)
{
    skip_ws(r);
    return r->p >= r->end || *r->p == ';';
}

static void expect_eol(Rd *r, const char *after)
{
    if (!at_eol(r))
        ERR(r, "unexpected text after %s: '%.*s'", after,
            (int)(r->end - r->p > 40 ? 40 : r->end - r->p), r->p);
}

/* The next whitespace-delimited word (stops at ';' too); len 0 at the end. */
static const char *word(Rd *r, size_t *len)
{
    skip_ws(r);
    const char *s = r->p;
    while (r->p < r->end && *r->p != ' ' && *r->p != '\t' && *r->p != '\r'
           && *r->p != ';')
        r->p++;
    *len = (size_t)(r->p - s);
    return s;
}

/* A name: a word, or a str literal for a name that is not one ('' is the
 * module name of `from . import x`). */
static const char *need_name(Rd *r, const char *what)
{
    skip_ws(r);
    if (r->p < r->end && (*r->p == '\'' || *r->p == '"')) {
        Const k;
        const char *err = NULL;
        if (!ls_parse_const(r->a, &r->p, r->end, &k, &err) || k.kind != CONST_STR)
            ERR(r, "bad %s: %s", what, err ? err : "expected a str literal");
        if (memchr(k.u.s.data, '\0', k.u.s.len))
            ERR(r, "bad %s: NUL in a name", what);
        return k.u.s.data;
    }
    size_t n;
    const char *s = word(r, &n);
    if (n == 0 || *s == '@')
        ERR(r, "missing %s", what);
    return arena_strndup(r->a, s, n);
}

/* A decimal integer in [min, max]. */
static long parse_long(Rd *r, const char *s, size_t n, long min, long max, const char *what)
{
    char tmp[32];
    if (n == 0 || n >= sizeof tmp)
        ERR(r, "bad %s '%.*s'", what, (int)n, s);
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char *q;
    errno = 0;
    long v = strtol(tmp, &q, 10);
    if (*q || errno || v < min || v > max)
        ERR(r, "bad %s '%s'", what, tmp);
    return v;
}

static long need_long(Rd *r, long min, long max, const char *what)
{
    size_t n;
    const char *s = word(r, &n);
    if (n == 0)
        ERR(r, "missing %s", what);
    return parse_long(r, s, n, min, max, what);
}

/* ---- constants ---- */

bool ls_const_same(const Const *x, const Const *y)
{
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case CONST_INT:
        return strcmp(x->u.i, y->u.i) == 0;
    case CONST_FLOAT:
        return memcmp(&x->u.f, &y->u.f, sizeof x->u.f) == 0;
    case CONST_COMPLEX:
        return memcmp(&x->u.c.real, &y->u.c.real, sizeof(double)) == 0
               && memcmp(&x->u.c.imag, &y->u.c.imag, sizeof(double)) == 0;
    case CONST_STR:
    case CONST_BYTES:
        return x->u.s.len == y->u.s.len
               && memcmp(x->u.s.data, y->u.s.data, x->u.s.len) == 0;
    case CONST_TUPLE:
    case CONST_FROZENSET:
        if (x->u.t.len != y->u.t.len)
            return false;
        for (size_t i = 0; i < x->u.t.len; i++)
            if (!ls_const_same(x->u.t.items[i], y->u.t.items[i]))
                return false;
        return true;
    case CONST_CODE:
        return x->u.code == y->u.code;
    default:
        return true;
    }
}

/* The placeholder LsCode of section id, made at first use. */
static LsCode *code_by_id(Rd *r, long id)
{
    if ((size_t)id >= r->nid) {
        size_t n = r->nid ? r->nid : 16;
        while (n <= (size_t)id)
            n *= 2;
        size_t c;
        c = r->nid;
        r->byid = grow(r->byid, &c, n, sizeof *r->byid);
        c = r->nid;
        r->defline = grow(r->defline, &c, n, sizeof *r->defline);
        c = r->nid;
        r->refline = grow(r->refline, &c, n, sizeof *r->refline);
        c = r->nid;
        r->refby = grow(r->refby, &c, n, sizeof *r->refby);
        for (size_t i = r->nid; i < n; i++) {
            r->byid[i] = NULL;
            r->defline[i] = r->refline[i] = 0;
            r->refby[i] = -1;
        }
        r->nid = n;
    }
    if (!r->byid[id])
        r->byid[id] = arena_alloc(r->a, sizeof(LsCode));
    return r->byid[id];
}

/* The constant `code:ID` in the current section. */
static Const *code_const(Rd *r, long id)
{
    if (id == 0)
        ERR(r, "code:0 is the module and cannot be a constant");
    Const *c = arena_alloc(r->a, sizeof *c);
    c->kind = CONST_CODE;
    c->u.code = code_by_id(r, id);
    if (!r->refline[id]) {
        r->refline[id] = r->line;
        r->refby[id] = r->cur->id;
    } else if (r->refby[id] != r->cur->id) {
        ERR(r, "code:%ld is already used by code section %d (line %ld)",
            id, r->refby[id], r->refline[id]);
    }
    return c;
}

/* One constant at r->p: `code:ID`, `frozenset({...})`, `frozenset()`, or
 * anything ls_parse_const reads. */
static Const *parse_const(Rd *r)
{
    skip_ws(r);
    size_t left = (size_t)(r->end - r->p);
    if (left > 5 && memcmp(r->p, "code:", 5) == 0) {
        r->p += 5;
        const char *s = r->p;
        while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
            r->p++;
        long id = parse_long(r, s, (size_t)(r->p - s), 0, 1000000, "code section id");
        return code_const(r, id);
    }
    Const *c = arena_alloc(r->a, sizeof *c);
    static const char fs[] = "frozenset(";
    if (left >= sizeof fs - 1 && memcmp(r->p, fs, sizeof fs - 1) == 0) {
        r->p += sizeof fs - 1;
        c->kind = CONST_FROZENSET;
        size_t cap = 0;
        Const **items = NULL;
        if (r->p < r->end && *r->p == ')') {
            r->p++;
        } else {
            if (r->p >= r->end || *r->p != '{')
                ERR(r, "bad constant: expected '{' after frozenset(");
            r->p++;
            for (;;) {
                const char *err = NULL;
                Const one;
                skip_ws(r);
                if (!ls_parse_const(r->a, &r->p, r->end, &one, &err))
                    ERR(r, "bad constant: %s", err ? err : "unreadable literal");
                items = grow(items, &cap, c->u.t.len + 1, sizeof *items);
                items[c->u.t.len] = arena_alloc(r->a, sizeof(Const));
                *items[c->u.t.len++] = one;
                skip_ws(r);
                if (r->p < r->end && *r->p == ',') {
                    r->p++;
                    continue;
                }
                if (r->end - r->p >= 2 && r->p[0] == '}' && r->p[1] == ')') {
                    r->p += 2;
                    break;
                }
                ERR(r, "bad constant: expected ',' or '})' in frozenset");
            }
        }
        c->u.t.items = arena_alloc(r->a, (c->u.t.len + 1) * sizeof *c->u.t.items);
        if (c->u.t.len)
            memcpy(c->u.t.items, items, c->u.t.len * sizeof *items);
        return c;
    }
    const char *err = NULL;
    if (r->p >= r->end || !ls_parse_const(r->a, &r->p, r->end, c, &err))
        ERR(r, "bad constant: %s", err ? err : "missing literal");
    return c;
}

/* FNV-1a over n bytes, continuing from h. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3u;
    return h;
}

/* A hash agreeing with ls_const_same(). */
static uint64_t const_hash(const Const *c)
{
    uint64_t h = fnv(0xcbf29ce484222325u, &c->kind, sizeof c->kind);
    switch (c->kind) {
    case CONST_INT: return fnv(h, c->u.i, strlen(c->u.i));
    case CONST_FLOAT: return fnv(h, &c->u.f, sizeof c->u.f);
    case CONST_COMPLEX: return fnv(fnv(h, &c->u.c.real, sizeof(double)), &c->u.c.imag, sizeof(double));
    case CONST_STR: case CONST_BYTES: return fnv(h, c->u.s.data, c->u.s.len);
    case CONST_TUPLE: case CONST_FROZENSET:
        for (size_t i = 0; i < c->u.t.len; i++) {
            uint64_t k = const_hash(c->u.t.items[i]);
            h = fnv(h, &k, sizeof k);
        }
        return h;
    case CONST_CODE: return fnv(h, &c->u.code, sizeof c->u.code);
    default: return h;
    }
}

/* Open-addressing index over the n entries of a table: *slots holds entry
 * index + 1 (0: empty).  Finds the first entry equal to the key (eq), or
 * returns -1.  hash_of(i) is the hash of entry i, for rehashing. */
typedef struct HashOps {
    uint64_t (*hash_of)(Rd *r, size_t i);
    bool (*eq)(Rd *r, size_t i, const void *key);
} HashOps;

static int hash_find(Rd *r, int *slots, size_t cap, uint64_t h, const void *key,
                     const HashOps *ops)
{
    if (!cap)
        return -1;
    for (size_t i = h & (cap - 1); slots[i]; i = (i + 1) & (cap - 1))
        if (ops->eq(r, (size_t)slots[i] - 1, key))
            return slots[i] - 1;
    return -1;
}

/* Enter entry idx (hash h) unless an equal one is there; n entries in all. */
static void hash_add(Rd *r, int **slots, size_t *cap, size_t n, size_t idx, uint64_t h,
                     const void *key, const HashOps *ops)
{
    if (hash_find(r, *slots, *cap, h, key, ops) >= 0)
        return;
    if (2 * n >= *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        while (2 * n >= nc)
            nc *= 2;
        int *ns = arena_alloc(r->a, nc * sizeof *ns);
        for (size_t i = 0; i < *cap; i++)
            if ((*slots)[i]) {
                size_t j = ops->hash_of(r, (size_t)(*slots)[i] - 1) & (nc - 1);
                while (ns[j])
                    j = (j + 1) & (nc - 1);
                ns[j] = (*slots)[i];
            }
        *slots = ns;
        *cap = nc;
    }
    size_t j = h & (*cap - 1);
    while ((*slots)[j])
        j = (j + 1) & (*cap - 1);
    (*slots)[j] = (int)idx + 1;
}

static uint64_t consth_of(Rd *r, size_t i)
{
    return const_hash(r->cur->code->consts[i]);
}

static bool consteq(Rd *r, size_t i, const void *key)
{
    return ls_const_same(r->cur->code->consts[i], key);
}

static uint64_t nameh_of(Rd *r, size_t i)
{
    const char *s = r->cur->code->names[i];
    return fnv(0xcbf29ce484222325u, s, strlen(s));
}

static bool nameeq(Rd *r, size_t i, const void *key)
{
    return strcmp(r->cur->code->names[i], key) == 0;
}

static const HashOps const_ops = {consth_of, consteq};
static const HashOps name_ops = {nameh_of, nameeq};

/* The index of c in co_consts, entering it when new (or always: force,
 * for .const lines, which fix the table as written). */
/* Nesting depth of a tuple or frozenset constant (1 for a scalar). */
static int const_depth(const Const *c)
{
    int d = 0;
    if (c->kind == CONST_TUPLE || c->kind == CONST_FROZENSET)
        for (size_t i = 0; i < c->u.t.len; i++) {
            int k = const_depth(c->u.t.items[i]);
            if (k > d)
                d = k;
        }
    return d + 1;
}

static int add_const(Rd *r, Const *c, bool force)
{
    LsCode *co = r->cur->code;
    if (const_depth(c) > LS_CONST_MAX_DEPTH)
        ERR(r, "bad constant: tuples nested more than %d deep", LS_CONST_MAX_DEPTH);
    uint64_t h = const_hash(c);
    if (!force) {
        int i = hash_find(r, r->consth, r->capconsth, h, c, &const_ops);
        if (i >= 0)
            return i;
    }
    if (co->nconsts >= INSTR_ARG_MAX)
        ERR(r, "too many constants");
    co->consts = grow(co->consts, &r->capconsts, co->nconsts + 1, sizeof *co->consts);
    co->consts[co->nconsts] = c;
    hash_add(r, &r->consth, &r->capconsth, co->nconsts + 1, co->nconsts, h, c, &const_ops);
    return (int)co->nconsts++;
}

/* The same for co_names. */
static int add_name(Rd *r, const char *s, bool force)
{
    LsCode *co = r->cur->code;
    uint64_t h = fnv(0xcbf29ce484222325u, s, strlen(s));
    if (!force) {
        int i = hash_find(r, r->nameh, r->capnameh, h, s, &name_ops);
        if (i >= 0)
            return i;
    }
    if (co->nnames >= INSTR_ARG_MAX)
        ERR(r, "too many names");
    co->names = grow(co->names, &r->capnames, co->nnames + 1, sizeof *co->names);
    co->names[co->nnames] = s;
    hash_add(r, &r->nameh, &r->capnameh, co->nnames + 1, co->nnames, h, s, &name_ops);
    return (int)co->nnames++;
}

/* True when the NUL-terminated name is exactly the n bytes at s, without
 * a strlen() per candidate. */
static bool name_is(const char *name, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (name[i] != s[i] || name[i] == '\0')
            return false;
    return name[n] == '\0';
}

static int find_local(const LsCode *co, const char *s, size_t n)
{
    for (size_t i = 0; i < co->nlocalsplus; i++)
        if (name_is(co->localsplus[i], s, n))
            return (int)i;
    return -1;
}

/* Opcode by name: op_by_name() scans the table with strlen(); this is an
 * open-addressed hash table over op_info, built on first use. */
#define OP_TABLE 1024
static short op_table[OP_TABLE];   /* opcode + 1, 0 = empty slot */

static unsigned op_hash(const char *p, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 16777619u;
    return h % OP_TABLE;
}

static int quick_op_by_name(const char *s, size_t n)
{
    static bool built;
    if (!built) {
        for (int i = 0; i < OP_NALL; i++) {
            unsigned h = op_hash(op_info[i].name, strlen(op_info[i].name));
            while (op_table[h])
                h = (h + 1) % OP_TABLE;
            op_table[h] = (short)(i + 1);
        }
        built = true;
    }
    for (unsigned h = op_hash(s, n); op_table[h]; h = (h + 1) % OP_TABLE)
        if (name_is(op_info[op_table[h] - 1].name, s, n))
            return op_table[h] - 1;
    return -1;
}

/* ---- sections ---- */

static void start_code(Rd *r, long id);

static void begin_code(Rd *r)
{
    long id = need_long(r, 0, 1000000, "code section id");
    expect_eol(r, ".code ID");
    start_code(r, id);
}

/* Open section id (the work of a `.code ID` line). */
static void start_code(Rd *r, long id)
{
    if (r->cur)
        ERR(r, ".code %ld inside code section %d (missing .end)", id, r->cur->id);
    LsCode *co = code_by_id(r, id);
    if (r->defline[id])
        ERR(r, "code section %ld defined twice (first on line %ld)", id, r->defline[id]);
    r->defline[id] = r->line;
    AsmCode *c = arena_alloc(r->a, sizeof *c);
    c->id = (int)id;
    c->line = r->line;
    c->code = co;
    c->stacksize = -1;
    co->filename = r->source;
    co->firstlineno = 1;
    r->cur = c;
    r->in_blocks = false;
    r->fallen = false;
    r->nlabels = 0;
    r->capblocks = r->capconsts = r->capnames = r->caplocals = r->capexc = 0;
    r->consth = r->nameh = NULL;
    r->capconsth = r->capnameh = 0;
    r->labidx = NULL;
    r->caplabidx = 0;
    r->seen_name = r->seen_qualname = false;
    r->file->codes = grow(r->file->codes, &r->capcodes, r->file->ncodes + 1, sizeof *r->file->codes);
    r->file->codes[r->file->ncodes++] = c;
}

/* Labels below this number are found by direct index, the others (only
 * in hand-written text) by a linear search. */
enum { LABIDX_MAX = 1 << 22 };

static int find_label(Rd *r, int num)
{
    if (num < LABIDX_MAX)
        return (size_t)num < r->caplabidx ? r->labidx[num] - 1 : -1;
    for (size_t i = 0; i < r->nlabels; i++)
        if (r->labels[i].num == num)
            return r->labels[i].blk;
    return -1;
}

static AsmBlock *new_block(Rd *r, int label)
{
    AsmCode *c = r->cur;
    c->blocks = grow(c->blocks, &r->capblocks, c->nblocks + 1, sizeof *c->blocks);
    AsmBlock *b = &c->blocks[c->nblocks++];
    memset(b, 0, sizeof *b);
    b->label = label;
    b->line = r->line;
    r->fallen = false;
    return b;
}

/* A label reference "LN" (for jumps and .except), kept as -(N+1) until the
 * section ends, when resolve_labels() turns it into a block index. */
static int label_ref(Rd *r, const char *s, size_t n, const char *what)
{
    if (n < 2 || s[0] != 'L')
        ERR(r, "bad %s '%.*s' (labels are L followed by digits)", what, (int)n, s);
    for (size_t i = 1; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            ERR(r, "bad %s '%.*s' (labels are L followed by digits)", what, (int)n, s);
    long v = parse_long(r, s + 1, n - 1, 0, INT_MAX - 1, "label");
    return -(int)v - 1;
}

static int resolve(Rd *r, int ref, long line)
{
    int blk = find_label(r, -ref - 1);
    if (blk < 0)
        ls_cfg_error(r->name, line, "undefined label L%d", -ref - 1);
    return blk;
}

static void end_code(Rd *r)
{
    AsmCode *c = r->cur;
    if (!c)
        ERR(r, ".end outside a code section");
    expect_eol(r, ".end");
    if (!r->seen_name)
        ls_cfg_error(r->name, c->line, "code section %d has no .name", c->id);
    if (!r->seen_qualname)
        c->code->qualname = c->code->name;
    if (c->nblocks == 0)
        ERR(r, "code section %d has no instructions", c->id);
    for (size_t b = 0; b < c->nblocks; b++)
        for (size_t i = 0; i < c->blocks[b].n; i++) {
            AsmInstr *in = &c->blocks[b].instrs[i];
            if (op_has_jump(in->op))
                in->arg = resolve(r, in->arg, in->line);
        }
    for (size_t i = 0; i < c->nexcepts; i++) {
        AsmExcept *e = &c->excepts[i];
        e->start = resolve(r, e->start, e->line);
        e->end = resolve(r, e->end, e->line);
        e->target = resolve(r, e->target, e->line);
    }
    LsCode *co = c->code;
    size_t nargs = (size_t)co->argcount + (size_t)co->kwonlyargcount
                   + ((co->flags & CO_VARARGS) != 0) + ((co->flags & CO_VARKEYWORDS) != 0);
    size_t nlocal = 0;
    for (size_t i = 0; i < co->nlocalsplus; i++)
        nlocal += (co->localspluskinds[i] & CO_FAST_LOCAL) != 0;
    if (nargs > nlocal)
        ls_cfg_error(r->name, c->line, "code section %d: %zu parameters but only %zu .local lines",
                     c->id, nargs, nlocal);
    if (co->posonlyargcount > co->argcount)
        ls_cfg_error(r->name, c->line, "code section %d: .posonlyargcount exceeds .argcount", c->id);
    r->labels = NULL;
    r->nlabels = r->caplabels = 0;
    r->labidx = NULL;
    r->caplabidx = 0;
    r->cur = NULL;
}

static const struct { const char *name; int flag; } flag_names[] = {
    {"OPTIMIZED", CO_OPTIMIZED}, {"NEWLOCALS", CO_NEWLOCALS},
    {"VARARGS", CO_VARARGS}, {"VARKEYWORDS", CO_VARKEYWORDS},
    {"NESTED", CO_NESTED}, {"GENERATOR", CO_GENERATOR},
    {"NOFREE", 0x40}, {"COROUTINE", CO_COROUTINE},
    {"ITERABLE_COROUTINE", CO_ITERABLE_COROUTINE},
    {"ASYNC_GENERATOR", CO_ASYNC_GENERATOR},
};

static int parse_flags(Rd *r)
{
    size_t n;
    const char *s = word(r, &n);
    if (n == 0)
        ERR(r, "missing flags");
    if (s[0] >= '0' && s[0] <= '9' && !(n > 1 && s[1] == 'x'))
        return (int)parse_long(r, s, n, 0, LS_CO_FLAGS_MAX, "flags");
    int flags = 0;
    const char *end = s + n;
    while (s < end) {
        const char *bar = memchr(s, '|', (size_t)(end - s));
        size_t k = (size_t)((bar ? bar : end) - s);
        size_t i;
        if (k > 2 && s[0] == '0' && s[1] == 'x') {
            /* a bit without a name (the __future__ flags): hex */
            char tmp[16];
            char *q;
            if (k >= sizeof tmp)
                ERR(r, "bad flag '%.*s'", (int)k, s);
            memcpy(tmp, s, k);
            tmp[k] = '\0';
            unsigned long v = strtoul(tmp, &q, 16);
            if (*q || v > LS_CO_FLAGS_MAX)
                ERR(r, "bad flag '%s'", tmp);
            flags |= (int)v;
            s += k + (bar != NULL);
            continue;
        }
        for (i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
            if (strlen(flag_names[i].name) == k && memcmp(flag_names[i].name, s, k) == 0)
                break;
        if (i == sizeof flag_names / sizeof flag_names[0])
            ERR(r, "unknown flag '%.*s'", (int)k, s);
        flags |= flag_names[i].flag;
        s += k + (bar != NULL);
    }
    return flags;
}

static void add_local(Rd *r, const char *nm, int kind)
{
    LsCode *co = r->cur->code;
    if (find_local(co, nm, strlen(nm)) >= 0)
        ERR(r, "variable %s declared twice", nm);
    if (co->nlocalsplus >= INSTR_ARG_MAX)
        ERR(r, "too many variables");
    size_t cap = r->caplocals;
    co->localsplus = grow(co->localsplus, &cap, co->nlocalsplus + 1, sizeof *co->localsplus);
    cap = r->caplocals;
    co->localspluskinds = grow(co->localspluskinds, &cap, co->nlocalsplus + 1, 1);
    r->caplocals = cap;
    co->localsplus[co->nlocalsplus] = nm;
    co->localspluskinds[co->nlocalsplus++] = (uint8_t)kind;
}

static void directive(Rd *r, const char *d, size_t n)
{
#define IS(s) (n == sizeof(s) - 1 && memcmp(d, s, n) == 0)
    if (IS(".code")) {
        begin_code(r);
        return;
    }
    if (!r->cur)
        ERR(r, "%.*s outside a code section (missing .code)", (int)n, d);
    if (IS(".end")) {
        end_code(r);
        return;
    }
    AsmCode *c = r->cur;
    LsCode *co = c->code;
    if (IS(".except")) {
        c->excepts = grow(c->excepts, &r->capexc, c->nexcepts + 1, sizeof *c->excepts);
        AsmExcept *e = &c->excepts[c->nexcepts++];
        size_t k;
        const char *s;
        e->line = r->line;
        s = word(r, &k);
        e->start = label_ref(r, s, k, ".except start label");
        s = word(r, &k);
        e->end = label_ref(r, s, k, ".except end label");
        s = word(r, &k);
        e->target = label_ref(r, s, k, ".except target label");
        e->depth = (int)need_long(r, 0, INSTR_ARG_MAX, ".except depth");
        s = word(r, &k);
        if (k == 5 && memcmp(s, "lasti", 5) == 0)
            e->lasti = true;
        else if (k)
            ERR(r, "bad .except flag '%.*s' (expected lasti)", (int)k, s);
        expect_eol(r, ".except");
        return;
    }
    if (r->in_blocks)
        ERR(r, "%.*s after the first label", (int)n, d);
    if (IS(".name")) {
        co->name = need_name(r, "code name");
        r->seen_name = true;
    } else if (IS(".qualname")) {
        /* the rest of the line (up to a comment), trailing blanks dropped */
        skip_ws(r);
        const char *q = r->p;
        while (r->p < r->end && *r->p != ';')
            r->p++;
        const char *e = r->p;
        while (e > q && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            e--;
        if (e == q)
            ERR(r, "missing qualified name");
        co->qualname = arena_strndup(r->a, q, (size_t)(e - q));
        r->seen_qualname = true;
    } else if (IS(".filename")) {
        skip_ws(r);
        Const k;
        const char *err = NULL;
        if (!ls_parse_const(r->a, &r->p, r->end, &k, &err) || k.kind != CONST_STR)
            ERR(r, "bad .filename: expected a str literal");
        co->filename = k.u.s.data;
    } else if (IS(".firstlineno")) {
        co->firstlineno = (int)need_long(r, 0, INT_MAX, "line number");
    } else if (IS(".argcount")) {
        co->argcount = (int)need_long(r, 0, 0xffff, "count");
    } else if (IS(".posonlyargcount")) {
        co->posonlyargcount = (int)need_long(r, 0, 0xffff, "count");
    } else if (IS(".kwonlyargcount")) {
        co->kwonlyargcount = (int)need_long(r, 0, 0xffff, "count");
    } else if (IS(".stacksize")) {
        c->stacksize = (int)need_long(r, 0, INSTR_ARG_MAX, "stack size");
    } else if (IS(".flags")) {
        co->flags = parse_flags(r);
    } else if (IS(".local")) {
        const char *nm = need_name(r, "variable name");
        size_t k;
        const char *s = word(r, &k);
        int kind = CO_FAST_LOCAL;
        if (k == 4 && memcmp(s, "cell", 4) == 0)
            kind |= CO_FAST_CELL;
        else if (k)
            ERR(r, "bad .local kind '%.*s' (expected cell)", (int)k, s);
        add_local(r, nm, kind);
    } else if (IS(".cell")) {
        add_local(r, need_name(r, "variable name"), CO_FAST_CELL);
    } else if (IS(".free")) {
        add_local(r, need_name(r, "variable name"), CO_FAST_FREE);
    } else if (IS(".const")) {
        add_const(r, parse_const(r), true);
    } else if (IS(".nameref")) {
        add_name(r, need_name(r, "name"), true);
    } else {
        ERR(r, "unknown directive '%.*s'", (int)n, d);
    }
    expect_eol(r, "the directive");
#undef IS
}

/* "@L:C-EL:EC" or "@-" (r->p just after '@'). */
/* strtol() for the common case, a plain decimal of a few digits with an
 * optional '-' (positions, on every instruction); anything else, strtol. */
static long quick_long(const char *p, char **q)
{
    const char *s = p;
    bool neg = *s == '-';
    if (neg)
        s++;
    if (*s >= '0' && *s <= '9') {
        long v = 0;
        int nd = 0;
        while (*s >= '0' && *s <= '9' && nd < 15) {
            v = v * 10 + (*s - '0');
            s++;
            nd++;
        }
        if (!(*s >= '0' && *s <= '9')) {
            *q = (char *)s;
            return neg ? -v : v;
        }
    }
    return strtol(p, q, 10);
}

static LsPos parse_pos(Rd *r)
{
    LsPos pos = {-1, -1, -1, -1};
    if (r->p < r->end && *r->p == '-' && (r->p + 1 == r->end || r->p[1] == ' '
                                          || r->p[1] == '\t' || r->p[1] == ';')) {
        r->p++;
        return pos;
    }
    long v[4];
    static const char seps[4] = {':', '-', ':', '\0'};
    for (int i = 0; i < 4; i++) {
        char *q;
        errno = 0;
        v[i] = quick_long(r->p, &q);
        if (q == r->p || errno || v[i] < -1 || v[i] > INT_MAX || q > r->end)
            ERR(r, "bad position (expected @LINE:COL-ENDLINE:ENDCOL)");
        r->p = q;
        if (seps[i]) {
            if (r->p >= r->end || *r->p != seps[i])
                ERR(r, "bad position (expected @LINE:COL-ENDLINE:ENDCOL)");
            r->p++;
        }
    }
    pos.lineno = (int)v[0];
    pos.col = (int)v[1];
    pos.end_lineno = (int)v[2];
    pos.end_col = (int)v[3];
    return pos;
}

/* Append in to the current block; a terminator or jump ends the block
 * (the next instruction opens an implicit one). */
static void push_instr(Rd *r, const AsmInstr *in)
{
    AsmCode *c = r->cur;
    if (r->fallen)
        new_block(r, -1);
    AsmBlock *b = &c->blocks[c->nblocks - 1];
    b->instrs = grow(b->instrs, &b->cap, b->n + 1, sizeof *b->instrs);
    b->instrs[b->n++] = *in;
    if (op_is_terminator(in->op) || (op_has_jump(in->op) && !op_is_block_push(in->op)))
        r->fallen = true;
}

static void instruction(Rd *r, const char *s, size_t n)
{
    if (!r->cur)
        ERR(r, "instruction outside a code section (missing .code)");
    if (!r->in_blocks)
        ERR(r, "instruction before the first label");
    int op = quick_op_by_name(s, n);
    if (op < 0)
        ERR(r, "unknown opcode '%.*s'", (int)n, s);
    AsmCode *c = r->cur;
    LsCode *co = c->code;
    AsmInstr in = {op, 0, {-1, -1, -1, -1}, r->line};
    const char *name = op_info[op].name;
    size_t k;
    const char *w;
    switch (op_info[op].arg) {
    case OPARG_NONE:
        break;
    case OPARG_INT:
        in.arg = (int)need_long(r, 0, INSTR_ARG_MAX, "argument");
        break;
    case OPARG_CONST: {
        skip_ws(r);
        if (r->p >= r->end || *r->p == ';' || *r->p == '@')
            ERR(r, "%s needs a constant", name);
        Const *k2 = parse_const(r);
        if (op == OP_KW_NAMES) {
            bool ok = k2->kind == CONST_TUPLE;
            for (size_t i = 0; ok && i < k2->u.t.len; i++)
                ok = k2->u.t.items[i]->kind == CONST_STR;
            if (!ok)
                ERR(r, "bad argument: KW_NAMES needs a tuple of str");
        }
        in.arg = add_const(r, k2, false);
        break;
    }
    case OPARG_NAME:
        in.arg = add_name(r, need_name(r, "name"), false);
        break;
    case OPARG_LOCAL:
    case OPARG_DEREF:
        w = need_name(r, "variable name");
        in.arg = find_local(co, w, strlen(w));
        if (in.arg < 0)
            ERR(r, "bad argument: %s is not a declared variable (.local/.cell/.free)", w);
        if (op_info[op].arg == OPARG_DEREF
            && !(co->localspluskinds[in.arg] & (CO_FAST_CELL | CO_FAST_FREE)))
            ERR(r, "bad argument: %s needs a cell or free variable, %s is neither", name, w);
        break;
    case OPARG_JUMP:
        w = word(r, &k);
        if (!k || *w == '@')
            ERR(r, "%s needs a label", name);
        in.arg = label_ref(r, w, k, "jump target");
        break;
    case OPARG_CMP:
    case OPARG_BINOP: {
        w = word(r, &k);
        bool cmp = op_info[op].arg == OPARG_CMP;
        int lim = cmp ? OP_NCMP : OP_NBINOP;
        in.arg = -1;
        for (int i = 0; i < lim; i++) {
            const char *nm = cmp ? op_cmp_name(i) : op_binop_name(i);
            if (name_is(nm, w, k))
                in.arg = i;
        }
        if (in.arg < 0)
            ERR(r, "bad argument '%.*s' for %s", (int)k, w, name);
        break;
    }
    }
    skip_ws(r);
    if (r->p < r->end && *r->p == '@') {
        r->p++;
        in.pos = parse_pos(r);
    }
    expect_eol(r, "the instruction");
    push_instr(r, &in);
}

static void define_label(Rd *r, int num);

static void label(Rd *r, const char *s, size_t n)
{
    if (!r->cur)
        ERR(r, "label outside a code section (missing .code)");
    int ref = label_ref(r, s, n - 1, "label");
    int num = -ref - 1;
    if (find_label(r, num) >= 0)
        ERR(r, "label L%d defined twice", num);
    expect_eol(r, "the label");
    define_label(r, num);
}

/* Start the block labelled LN (the work of an "LN:" line). */
static void define_label(Rd *r, int num)
{
    AsmCode *c = r->cur;
    AsmBlock *b;
    /* An implicit block that is still empty takes the label. */
    if (c->nblocks && c->blocks[c->nblocks - 1].n == 0 && c->blocks[c->nblocks - 1].label < 0) {
        b = &c->blocks[c->nblocks - 1];
        b->label = num;
        b->line = r->line;
    } else {
        b = new_block(r, num);
    }
    r->fallen = false;
    r->in_blocks = true;
    if (num < LABIDX_MAX) {
        r->labidx = grow(r->labidx, &r->caplabidx, (size_t)num + 1, sizeof *r->labidx);
        r->labidx[num] = (int)(b - c->blocks) + 1;
    } else {
        r->labels = grow(r->labels, &r->caplabels, r->nlabels + 1, sizeof *r->labels);
        r->labels[r->nlabels++] = (LabelDef){num, (int)(b - c->blocks)};
    }
}

/* Is there a code:ID reference cycle through section id?  (Nested code may
 * not contain itself.) */
static void check_tree(Rd *r)
{
    for (size_t id = 0; id < r->nid; id++) {
        if (r->refline[id] && !r->defline[id])
            ls_cfg_error(r->name, r->refline[id], "code:%zu: no such code section", id);
        if (r->defline[id] && id != 0 && !r->refline[id])
            ls_cfg_error(r->name, r->defline[id], "code section %zu is never used (no code:%zu constant)", id, id);
        /* walk up the chain of referencing sections: it must reach 0 */
        size_t steps = 0;
        for (long at = (long)id; r->defline[id] && at != 0; at = r->refby[at])
            if (at < 0 || ++steps > r->nid)
                ls_cfg_error(r->name, r->defline[id],
                             "code section %zu is not reachable from the module (reference cycle)", id);
        if (steps > LS_CODE_MAX_DEPTH)
            ls_cfg_error(r->name, r->defline[id],
                         "code section %zu is nested more than %d code objects deep",
                         id, LS_CODE_MAX_DEPTH);
    }
}

static AsmFile *finish(Rd *r);

AsmFile *ls_cfg_read(const Input *in, const Header *h, Arena *a)
{
    Rd rd;
    Rd *r = &rd;
    memset(r, 0, sizeof *r);
    r->name = in->name;
    r->a = a;
    r->file = arena_alloc(a, sizeof *r->file);
    r->file->source = arena_strdup(a, h->source);
    r->source = r->file->source;
    LineCursor lc;
    ls_lines_init(&lc, in->data + h->body, in->data + in->len, 2);
    const char *line;
    size_t len;
    while (ls_lines_next(&lc, &line, &len)) {
        r->line = lc.lineno;
        r->p = line;
        r->end = line + len;
        if (memchr(line, '\0', len))
            ERR(r, "NUL byte in the CFG text");
        if (at_eol(r))
            continue;
        size_t n;
        const char *w = word(r, &n);
        if (w[0] == '.')
            directive(r, w, n);
        else if (w[n - 1] == ':' && w[0] == 'L')
            label(r, w, n);
        else
            instruction(r, w, n);
    }
    r->line = lc.lineno + 1;
    if (r->cur)
        ERR(r, "truncated input: code section %d has no .end", r->cur->id);
    return finish(r);
}

/* After the last section: every section present and reachable. */
static AsmFile *finish(Rd *r)
{
    if (r->nid == 0 || !r->defline[0])
        ERR(r, "no code section 0 (the module)");
    check_tree(r);
    AsmCode *mod = NULL;
    for (size_t i = 0; i < r->file->ncodes; i++)
        if (r->file->codes[i]->id == 0)
            mod = r->file->codes[i];
    r->file->module = mod;
    return r->file;
}

/* ---- from memory ----
 *
 * The same AsmFile ls_cfg_read() builds from cfg_write()'s text of m, made
 * directly: the steps below are the reader's, fed with what the writer
 * would have printed (labels numbered in layout order, the flags it names,
 * each variable's .local/.cell/.free kind).  r->line counts the items as
 * the text would have lines, so messages still name a place. */

enum {
    WRITTEN_FLAGS = CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_VARKEYWORDS | CO_NESTED
                    | CO_GENERATOR | CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR,
};

static void code_from_cfg(Rd *r, CfgCode *c)
{
    int n = 0;
    for (CfgBlock *b = c->entry; b; b = b->next)
        b->label = n++;
    r->line++;
    start_code(r, c->id);
    LsCode *co = r->cur->code;
    co->name = c->name;
    co->qualname = c->qualname;
    r->seen_name = r->seen_qualname = true;
    co->firstlineno = c->firstlineno;
    co->argcount = c->argcount;
    co->posonlyargcount = c->posonlyargcount;
    co->kwonlyargcount = c->kwonlyargcount;
    co->flags = c->flags & WRITTEN_FLAGS;
    r->line += 5;
    for (int i = 0; i < c->nvars; i++) {
        int k = c->varkinds[i];
        r->line++;
        if (k & CFG_LOCAL)
            add_local(r, c->vars[i], CO_FAST_LOCAL | ((k & CFG_CELL) ? CO_FAST_CELL : 0));
        else if (k & CFG_CELL)
            add_local(r, c->vars[i], CO_FAST_CELL);
        else
            add_local(r, c->vars[i], CO_FAST_FREE);
    }
    for (int i = 0; i < c->nconsts; i++) {
        r->line++;
        if (c->const_codes && c->const_codes[i])
            add_const(r, code_const(r, c->const_codes[i]->id), true);
        else
            add_const(r, (Const *)c->consts[i], true);
    }
    for (int i = 0; i < c->nnames; i++) {
        r->line++;
        add_name(r, c->names[i], true);
    }
    for (CfgBlock *b = c->entry; b; b = b->next) {
        r->line++;
        r->in_blocks = true;
        define_label(r, b->label);
        for (int i = 0; i < b->n; i++) {
            const CfgInstr *ci = &b->instrs[i];
            AsmInstr in = {ci->op, 0, {-1, -1, -1, -1}, ++r->line};
            switch (op_info[ci->op].arg) {
            case OPARG_NONE:
                break;
            case OPARG_INT:
            case OPARG_CMP:
            case OPARG_BINOP:
                in.arg = ci->arg;
                break;
            case OPARG_CONST:
                in.arg = add_const(r, ci->code ? code_const(r, ci->code->id) : (Const *)ci->cst,
                                   false);
                break;
            case OPARG_NAME:
                in.arg = add_name(r, ci->name, false);
                break;
            case OPARG_LOCAL:
            case OPARG_DEREF:
                in.arg = find_local(co, ci->name, strlen(ci->name));
                if (in.arg < 0)
                    ERR(r, "bad argument: %s is not a declared variable", ci->name);
                break;
            case OPARG_JUMP:
                if (!ci->target)
                    ERR(r, "%s without a target", op_info[ci->op].name);
                in.arg = -ci->target->label - 1;
                break;
            }
            if (ci->pos.lineno >= 0)
                in.pos = ci->pos;
            push_instr(r, &in);
        }
    }
    r->line++;
    r->p = r->end = "";
    end_code(r);
}

AsmFile *ls_cfg_from_module(CfgModule *m, Arena *a)
{
    Rd rd;
    Rd *r = &rd;
    memset(r, 0, sizeof *r);
    r->name = m->filename;
    r->a = a;
    r->file = arena_alloc(a, sizeof *r->file);
    r->file->source = m->filename;
    r->source = r->file->source;
    r->line = 1;
    for (CfgCode *c = m->first; c; c = c->next)
        code_from_cfg(r, c);
    return finish(r);
}
