/* libstage/codeio.c: the binary code object (formats/code.md).
 *
 * Written by pyasm (ls_code_write), read by pyvm and pydis (ls_code_read).
 * Layout: a 20-byte file header (magic, version, sentinel, body length,
 * CRC-32 of the body) and a body holding the module code object, nested
 * code objects being constants.  Integers in the body are LEB128 varints
 * (signed ones zigzag-encoded); instruction words are 4 bytes little-endian.
 * The reader checks everything the VM relies on, so pyvm never runs an
 * invalid code object; its messages name the byte offset of the problem.
 */
#include "libstage/codeio.h"
#include "libstage/opcodes.h"

#include <setjmp.h>
#include <stdarg.h>
#include <string.h>

#define CODE_MAGIC "\x7fPYC"
#define CODE_SENTINEL "\x19\x93\r\n\x1a\n"
enum {
    CODE_VERSION = 1,       /* bump when the layout or opcode numbering changes */
    CODE_HDR_LEN = 20,      /* magic 4, version 2, sentinel 6, length 4, crc 4 */
};

/* Constant tags (one byte each). */
enum {
    TAG_NONE = 'N', TAG_TRUE = 'T', TAG_FALSE = 'F', TAG_ELLIPSIS = 'E',
    TAG_INT = 'i', TAG_FLOAT = 'f', TAG_COMPLEX = 'x', TAG_STR = 's',
    TAG_BYTES = 'b', TAG_TUPLE = 't', TAG_FROZENSET = 'z', TAG_CODE = 'c',
};

/* Position-table entry tags. */
enum { POS_SAME = 0, POS_NONE = 1, POS_FULL = 2 };

static uint32_t crc_table[256];

static void crc_init(void)
{
    if (crc_table[1])
        return;
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

/* CRC-32 (IEEE 802.3, as zlib's crc32()). */
static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    crc_init();
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* ---- writer ---- */

static void put_u32(Buf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                          (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    buf_put(b, x, 4);
}

static void put_uv(Buf *b, uint64_t v)
{
    if (v < 0x80) {        /* the usual case: one byte */
        buf_putc(b, (int)v);
        return;
    }
    unsigned char x[10];   /* 64 bits in 7-bit groups; one buf_put */
    size_t n = 0;
    while (v >= 0x80) {
        x[n++] = (unsigned char)((v & 0x7f) | 0x80);
        v >>= 7;
    }
    x[n++] = (unsigned char)v;
    buf_put(b, x, n);
}

static void put_sv(Buf *b, int64_t v)
{
    put_uv(b, v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1 : (uint64_t)v << 1);
}

static void put_bytes(Buf *b, const char *s, size_t n)
{
    put_uv(b, n);
    buf_put(b, s, n);
}

static void put_double(Buf *b, double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    put_u32(b, (uint32_t)u);
    put_u32(b, (uint32_t)(u >> 32));
}

static void put_code(Buf *b, const LsCode *co);

static void put_const(Buf *b, const Const *c)
{
    switch (c->kind) {
    case CONST_NONE: buf_putc(b, TAG_NONE); break;
    case CONST_TRUE: buf_putc(b, TAG_TRUE); break;
    case CONST_FALSE: buf_putc(b, TAG_FALSE); break;
    case CONST_ELLIPSIS: buf_putc(b, TAG_ELLIPSIS); break;
    case CONST_INT:
        buf_putc(b, TAG_INT);
        put_bytes(b, c->u.i, strlen(c->u.i));
        break;
    case CONST_FLOAT:
        buf_putc(b, TAG_FLOAT);
        put_double(b, c->u.f);
        break;
    case CONST_COMPLEX:
        buf_putc(b, TAG_COMPLEX);
        put_double(b, c->u.c.real);
        put_double(b, c->u.c.imag);
        break;
    case CONST_STR:
    case CONST_BYTES:
        buf_putc(b, c->kind == CONST_STR ? TAG_STR : TAG_BYTES);
        put_bytes(b, c->u.s.data, c->u.s.len);
        break;
    case CONST_TUPLE:
    case CONST_FROZENSET:
        buf_putc(b, c->kind == CONST_TUPLE ? TAG_TUPLE : TAG_FROZENSET);
        put_uv(b, c->u.t.len);
        for (size_t i = 0; i < c->u.t.len; i++)
            put_const(b, c->u.t.items[i]);
        break;
    case CONST_CODE:
        buf_putc(b, TAG_CODE);
        put_code(b, c->u.code);
        break;
    }
}

static void put_str(Buf *b, const char *s)
{
    put_bytes(b, s, strlen(s));
}

static void put_code(Buf *b, const LsCode *co)
{
    put_str(b, co->name);
    put_str(b, co->qualname);
    put_str(b, co->filename);
    put_sv(b, co->firstlineno);
    put_uv(b, (uint64_t)co->argcount);
    put_uv(b, (uint64_t)co->posonlyargcount);
    put_uv(b, (uint64_t)co->kwonlyargcount);
    put_uv(b, (uint64_t)co->stacksize);
    put_uv(b, (uint64_t)co->flags);
    put_uv(b, co->nlocalsplus);
    for (size_t i = 0; i < co->nlocalsplus; i++) {
        put_str(b, co->localsplus[i]);
        buf_putc(b, co->localspluskinds[i]);
    }
    put_uv(b, co->nnames);
    for (size_t i = 0; i < co->nnames; i++)
        put_str(b, co->names[i]);
    put_uv(b, co->nconsts);
    for (size_t i = 0; i < co->nconsts; i++)
        put_const(b, co->consts[i]);
    put_uv(b, co->ncode);
    for (size_t i = 0; i < co->ncode; i++)
        put_u32(b, co->code[i]);
    LsPos prev = {-1, -1, -1, -1};
    for (size_t i = 0; i < co->ncode; i++) {
        LsPos p = co->positions ? co->positions[i] : (LsPos){-1, -1, -1, -1};
        if (memcmp(&p, &prev, sizeof p) == 0) {
            buf_putc(b, POS_SAME);
        } else if (p.lineno == -1 && p.end_lineno == -1 && p.col == -1 && p.end_col == -1) {
            buf_putc(b, POS_NONE);
        } else {
            int base = prev.lineno >= 0 ? prev.lineno : co->firstlineno;
            buf_putc(b, POS_FULL);
            put_sv(b, (int64_t)p.lineno - base);
            put_sv(b, (int64_t)p.end_lineno - p.lineno);
            put_sv(b, p.col);
            put_sv(b, (int64_t)p.end_col - p.col);
        }
        prev = p;
    }
    put_uv(b, co->nexc);
    for (size_t i = 0; i < co->nexc; i++) {
        const LsExcEntry *e = &co->exctable[i];
        put_uv(b, e->start);
        put_uv(b, e->end);
        put_uv(b, e->target);
        put_uv(b, e->depth);
        buf_putc(b, e->lasti ? 1 : 0);
    }
}

void ls_code_write(Buf *out, const LsCode *code)
{
    Buf body = BUF_INIT;
    put_code(&body, code);
    buf_put(out, CODE_MAGIC, 4);
    buf_putc(out, CODE_VERSION & 0xff);
    buf_putc(out, CODE_VERSION >> 8);
    buf_put(out, CODE_SENTINEL, 6);
    put_u32(out, (uint32_t)body.len);
    put_u32(out, crc32_of((const unsigned char *)body.data, body.len));
    buf_put(out, body.data, body.len);
    buf_free(&body);
}

bool ls_code_is_binary(const char *data, size_t len)
{
    return len >= 4 && memcmp(data, CODE_MAGIC, 4) == 0;
}

/* ---- reader ---- */

typedef struct Reader {
    const unsigned char *p;    /* next byte */
    const unsigned char *base; /* start of the file, for offsets in messages */
    const unsigned char *end;  /* end of the body */
    Arena *a;
    char *err;                 /* message buffer */
    size_t errlen;
    jmp_buf fail;              /* taken on the first error */
    int nest;                  /* current constant nesting */
} Reader;

static noreturn LS_PRINTF(3, 4) void bad(Reader *r, size_t off, const char *fmt, ...)
{
    int n = snprintf(r->err, r->errlen, "byte %zu: ", off);
    if (n >= 0 && (size_t)n < r->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    longjmp(r->fail, 1);
}

static size_t off_of(Reader *r)
{
    return (size_t)(r->p - r->base);
}

static unsigned get_byte(Reader *r)
{
    if (r->p >= r->end)
        bad(r, off_of(r), "unexpected end of code object");
    return *r->p++;
}

static uint64_t get_uv(Reader *r)
{
    size_t at = off_of(r);
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        unsigned c = get_byte(r);
        if (shift > 56)
            bad(r, at, "integer too long");
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return v;
    }
}

/* An unsigned varint that must be at most max. */
static uint64_t get_count(Reader *r, uint64_t max, const char *what)
{
    size_t at = off_of(r);
    uint64_t v = get_uv(r);
    if (v > max)
        bad(r, at, "%s %llu out of range (at most %llu)", what,
            (unsigned long long)v, (unsigned long long)max);
    return v;
}

static int64_t get_sv(Reader *r)
{
    uint64_t u = get_uv(r);
    return (u & 1) ? -(int64_t)(u >> 1) - 1 : (int64_t)(u >> 1);
}

/* A signed varint that fits in an int and is at least min. */
static int get_int(Reader *r, int min, const char *what)
{
    size_t at = off_of(r);
    int64_t v = get_sv(r);
    if (v < min || v > 0x7fffffff)
        bad(r, at, "%s %lld out of range", what, (long long)v);
    return (int)v;
}

static uint32_t get_u32(Reader *r)
{
    if (r->end - r->p < 4)
        bad(r, off_of(r), "unexpected end of code object");
    uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8
                 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
    r->p += 4;
    return v;
}

static double get_double(Reader *r)
{
    uint64_t lo = get_u32(r), hi = get_u32(r);
    uint64_t u = lo | hi << 32;
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static size_t remaining(Reader *r)
{
    return (size_t)(r->end - r->p);
}

/* A count of things of at least unit bytes each that must fit in what
 * remains of the data after the count itself. */
static size_t get_length(Reader *r, size_t unit, const char *what)
{
    size_t at = off_of(r);
    uint64_t v = get_uv(r);
    size_t max = remaining(r) / unit;
    if (v > max)
        bad(r, at, "%s %llu out of range (at most %llu)", what,
            (unsigned long long)v, (unsigned long long)max);
    return (size_t)v;
}

/* A length-prefixed byte string, NUL-terminated copy in the arena. */
static const char *get_bytes(Reader *r, size_t *lenp)
{
    size_t n = get_length(r, 1, "string length");
    const char *s = arena_strndup(r->a, (const char *)r->p, n);
    r->p += n;
    if (lenp)
        *lenp = n;
    return s;
}

/* A name: non-empty, no NUL. */
static const char *get_name(Reader *r, const char *what)
{
    size_t at = off_of(r), n;
    const char *s = get_bytes(r, &n);
    if (memchr(s, '\0', n))
        bad(r, at, "%s contains a NUL byte", what);
    return s;
}

static LsCode *get_code(Reader *r);

static Const *get_const(Reader *r)
{
    size_t at = off_of(r);
    if (++r->nest > LS_CONST_MAX_NEST)
        bad(r, at, "constants nested too deeply");
    Const *c = arena_alloc(r->a, sizeof *c);
    unsigned tag = get_byte(r);
    switch (tag) {
    case TAG_NONE: c->kind = CONST_NONE; break;
    case TAG_TRUE: c->kind = CONST_TRUE; break;
    case TAG_FALSE: c->kind = CONST_FALSE; break;
    case TAG_ELLIPSIS: c->kind = CONST_ELLIPSIS; break;
    case TAG_INT: {
        size_t n;
        const char *s = get_bytes(r, &n);
        size_t i = (n > 0 && s[0] == '-') ? 1 : 0;
        if (i == n)
            bad(r, at, "empty integer constant");
        for (; i < n; i++)
            if (s[i] < '0' || s[i] > '9')
                bad(r, at, "malformed integer constant");
        c->kind = CONST_INT;
        c->u.i = s;
        break;
    }
    case TAG_FLOAT:
        c->kind = CONST_FLOAT;
        c->u.f = get_double(r);
        break;
    case TAG_COMPLEX:
        c->kind = CONST_COMPLEX;
        c->u.c.real = get_double(r);
        c->u.c.imag = get_double(r);
        break;
    case TAG_STR:
    case TAG_BYTES:
        c->kind = tag == TAG_STR ? CONST_STR : CONST_BYTES;
        c->u.s.data = get_bytes(r, &c->u.s.len);
        break;
    case TAG_TUPLE:
    case TAG_FROZENSET: {
        c->kind = tag == TAG_TUPLE ? CONST_TUPLE : CONST_FROZENSET;
        size_t n = get_length(r, 1, "tuple length");
        c->u.t.len = n;
        c->u.t.items = arena_alloc(r->a, (n ? n : 1) * sizeof *c->u.t.items);
        for (size_t i = 0; i < n; i++) {
            c->u.t.items[i] = get_const(r);
            if (c->u.t.items[i]->kind == CONST_CODE)
                bad(r, at, "code object inside a tuple constant");
        }
        break;
    }
    case TAG_CODE:
        c->kind = CONST_CODE;
        c->u.code = get_code(r);
        break;
    default:
        bad(r, at, "unknown constant tag 0x%02x", tag);
    }
    r->nest--;
    return c;
}

/* Check one instruction's argument against the tables of co. */
static void check_instr(Reader *r, size_t at, const LsCode *co, size_t i)
{
    uint32_t w = co->code[i];
    int op = INSTR_OP(w), arg = INSTR_ARG(w);
    size_t iat = at + 4 * i;
    if (op >= OP_NREAL)
        bad(r, iat, "instruction %zu: invalid opcode %d", i, op);
    const char *name = op_info[op].name;
    switch (op_info[op].arg) {
    case OPARG_NONE:
        if (arg != 0)
            bad(r, iat, "instruction %zu: %s takes no argument", i, name);
        break;
    case OPARG_INT:
        break;
    case OPARG_CONST:
        if ((size_t)arg >= co->nconsts)
            bad(r, iat, "instruction %zu: %s: constant index %d out of range", i, name, arg);
        if (op == OP_KW_NAMES) {
            const Const *c = co->consts[arg];
            bool ok = c->kind == CONST_TUPLE;
            for (size_t k = 0; ok && k < c->u.t.len; k++)
                ok = c->u.t.items[k]->kind == CONST_STR;
            if (!ok)
                bad(r, iat, "instruction %zu: KW_NAMES needs a tuple of str", i);
        }
        break;
    case OPARG_NAME:
        if ((size_t)arg >= co->nnames)
            bad(r, iat, "instruction %zu: %s: name index %d out of range", i, name, arg);
        break;
    case OPARG_LOCAL:
        if ((size_t)arg >= co->nlocalsplus)
            bad(r, iat, "instruction %zu: %s: local index %d out of range", i, name, arg);
        break;
    case OPARG_DEREF:
        if ((size_t)arg >= co->nlocalsplus
            || !(co->localspluskinds[arg] & (CO_FAST_CELL | CO_FAST_FREE)))
            bad(r, iat, "instruction %zu: %s: %d is not a cell or free variable", i, name, arg);
        break;
    case OPARG_JUMP:
        if ((size_t)arg >= co->ncode)
            bad(r, iat, "instruction %zu: %s: jump target %d out of range", i, name, arg);
        break;
    case OPARG_CMP:
        if (arg >= OP_NCMP)
            bad(r, iat, "instruction %zu: COMPARE_OP: bad comparison %d", i, arg);
        break;
    case OPARG_BINOP:
        if (arg >= OP_NBINOP)
            bad(r, iat, "instruction %zu: BINARY_OP: bad operator %d", i, arg);
        break;
    }
    if (op == OP_COPY_FREE_VARS) {
        size_t nfree = 0;
        for (size_t k = 0; k < co->nlocalsplus; k++)
            nfree += (co->localspluskinds[k] & CO_FAST_FREE) != 0;
        if ((size_t)arg > nfree)
            bad(r, iat, "instruction %zu: COPY_FREE_VARS %d, but %zu free variables", i, arg, nfree);
    }
    if ((op == OP_COPY || op == OP_SWAP) && arg < 1)
        bad(r, iat, "instruction %zu: %s needs an argument of at least 1", i, name);
}

/* The abstract state of the value stack before one instruction: its depth
 * and the slots (0 = bottom) that may hold NULL, the "no self" slot of a
 * call that PUSH_NULL or LOAD_METHOD leaves below a callable. */
typedef struct StackState {
    int depth;                 /* -1: not reached yet */
    uint32_t nnull;            /* number of entries in nulls */
    uint32_t *nulls;           /* NULL slots, ascending */
} StackState;

/* The walk of check_stack(). */
typedef struct StackWalk {
    Reader *r;
    size_t at;                 /* byte offset of the first instruction word */
    StackState *st;            /* one per instruction */
    uint32_t *work;            /* instructions reached but not yet walked */
    size_t nwork;
} StackWalk;

/* Record that instruction i is reached with stack depth d and NULL slots
 * nulls[0..nnull); from: the instruction that gets there, for messages. */
static void reach(StackWalk *w, size_t from, size_t i, int d, const uint32_t *nulls,
                  uint32_t nnull)
{
    StackState *s = &w->st[i];
    if (s->depth < 0) {
        s->depth = d;
        s->nnull = nnull;
        s->nulls = arena_alloc(w->r->a, (nnull + 1) * sizeof *nulls);
        if (nnull)
            memcpy(s->nulls, nulls, nnull * sizeof *nulls);
        w->work[w->nwork++] = (uint32_t)i;
    } else if (s->depth != d) {
        bad(w->r, w->at + 4 * i, "instruction %zu: inconsistent stack depth (%d and %d)",
            i, s->depth, d);
    } else if (s->nnull != nnull
               || (nnull && memcmp(s->nulls, nulls, nnull * sizeof *nulls) != 0)) {
        bad(w->r, w->at + 4 * from, "instruction %zu: the NULL slots of the stack differ "
            "at instruction %zu", from, i);
    }
}

/* The NULL slots after instruction i, found with the NULL slots nulls[0..n)
 * at depth d, going on with stack effect eff: those below what it reads and
 * what it leaves, plus the one it pushes (PUSH_NULL, LOAD_METHOD).  out has
 * room for n + 1.  Returns the count. */
static uint32_t nulls_after(int op, int need, int d, int eff, const uint32_t *nulls,
                            uint32_t n, uint32_t *out)
{
    uint32_t k = 0;
    for (uint32_t j = 0; j < n; j++)
        if ((int)nulls[j] < d - need && (int)nulls[j] < d + eff)
            out[k++] = nulls[j];
    if (op == OP_PUSH_NULL)
        out[k++] = (uint32_t)d;
    else if (op == OP_LOAD_METHOD)
        out[k++] = (uint32_t)(d - 1);
    return k;
}

/* Walk the code from its start and from every handler, as pyasm computed
 * the stack size: no instruction may find fewer values than it uses, the
 * depth may not exceed co_stacksize, and control may not run off the end.
 * It also follows the NULL slots: only CALL and CALL_FUNCTION_EX may take
 * one (as their lowest operand) and SWAP may move one; any other
 * instruction reading a NULL would make pyvm dereference it.  And every
 * instruction covered by an exception entry must have at least the entry's
 * depth on the stack, with no NULL below it, as the handler gets them.
 * at: byte offset of the first instruction word. */
static void check_stack(Reader *r, size_t at, const LsCode *co)
{
    size_t n = co->ncode;
    StackWalk w = {r, at, arena_alloc(r->a, n * sizeof *w.st),
                   arena_alloc(r->a, (n + 1) * sizeof *w.work), 0};
    uint32_t *scratch = NULL;
    size_t scratch_cap = 0;
    for (size_t i = 0; i < n; i++)
        w.st[i] = (StackState){-1, 0, NULL};
    reach(&w, 0, 0, 0, NULL, 0);
    for (size_t k = 0; k < co->nexc; k++) {
        const LsExcEntry *e = &co->exctable[k];
        reach(&w, e->target, e->target, (int)(e->depth + 1 + e->lasti), NULL, 0);
    }
    while (w.nwork) {
        size_t i = w.work[--w.nwork];
        StackState s = w.st[i];
        int d = s.depth;
        int op = INSTR_OP(co->code[i]), arg = INSTR_ARG(co->code[i]);
        int eff = op_stack_effect(op, arg, false);
        int need = op_stack_need(op, arg);
        if (d < need || d + eff < 0)
            bad(r, at + 4 * i, "instruction %zu: %s: stack underflow at depth %d",
                i, op_info[op].name, d);
        /* a NULL among the values the instruction reads */
        for (uint32_t j = 0; j < s.nnull; j++) {
            int slot = (int)s.nulls[j];
            if (slot < d - need)
                continue;
            bool ok = op == OP_SWAP
                      || ((op == OP_CALL || op == OP_CALL_FUNCTION_EX) && slot == d - need);
            if (!ok)
                bad(r, at + 4 * i, "instruction %zu: %s: reads a NULL stack slot (depth %d)",
                    i, op_info[op].name, slot);
        }
        for (size_t k = 0; k < co->nexc; k++) {
            const LsExcEntry *e = &co->exctable[k];
            if (i < e->start || i >= e->end)
                continue;
            if (d < (int)e->depth)
                bad(r, at + 4 * i, "instruction %zu: stack depth %d is below the depth %u "
                    "of its exception handler", i, d, e->depth);
            if (s.nnull && s.nulls[0] < e->depth)
                bad(r, at + 4 * i, "instruction %zu: a NULL stack slot below the depth %u "
                    "of its exception handler", i, e->depth);
        }
        if (scratch_cap < (size_t)s.nnull + 1) {
            scratch_cap = 2 * (size_t)s.nnull + 8;
            scratch = arena_alloc(r->a, scratch_cap * sizeof *scratch);
        }
        if (op_has_jump(op)) {
            int jeff = op_stack_effect(op, arg, true);
            int td = d + jeff;
            if (td < 0 || td > co->stacksize)
                bad(r, at + 4 * i, "instruction %zu: %s: stack depth %d at the target "
                    "is outside 0..%d", i, op_info[op].name, td, co->stacksize);
            uint32_t m = nulls_after(op, need, d, jeff, s.nulls, s.nnull, scratch);
            reach(&w, i, (size_t)arg, td, scratch, m);
        }
        if (d + eff > co->stacksize)
            bad(r, at + 4 * i, "instruction %zu: %s: stack depth %d exceeds the stack size %d",
                i, op_info[op].name, d + eff, co->stacksize);
        if (op_is_terminator(op))
            continue;
        if (i + 1 >= n)
            bad(r, at + 4 * i, "instruction %zu: control runs off the end of the code", i);
        uint32_t m;
        if (op == OP_SWAP) {
            /* the two slots trade places, NULL or not */
            m = 0;
            int top = d - 1, low = d - arg;
            for (uint32_t j = 0; j < s.nnull; j++) {
                int slot = (int)s.nulls[j];
                scratch[m++] = (uint32_t)(slot == top ? low : slot == low ? top : slot);
            }
            for (uint32_t a = 1; a < m; a++)      /* keep them ascending */
                for (uint32_t b = a; b > 0 && scratch[b - 1] > scratch[b]; b--) {
                    uint32_t t = scratch[b];
                    scratch[b] = scratch[b - 1];
                    scratch[b - 1] = t;
                }
        } else {
            m = nulls_after(op, need, d, eff, s.nulls, s.nnull, scratch);
        }
        reach(&w, i, i + 1, d + eff, scratch, m);
    }
}

static LsCode *get_code(Reader *r)
{
    LsCode *co = arena_alloc(r->a, sizeof *co);
    size_t at = off_of(r);
    co->name = get_name(r, "co_name");
    co->qualname = get_name(r, "co_qualname");
    co->filename = get_name(r, "co_filename");
    co->firstlineno = get_int(r, 0, "co_firstlineno");
    co->argcount = (int)get_count(r, 0xffff, "co_argcount");
    co->posonlyargcount = (int)get_count(r, 0xffff, "co_posonlyargcount");
    co->kwonlyargcount = (int)get_count(r, 0xffff, "co_kwonlyargcount");
    co->stacksize = (int)get_count(r, 0xffffff, "co_stacksize");
    co->flags = (int)get_count(r, LS_CO_FLAGS_MAX, "co_flags");
    if (co->posonlyargcount > co->argcount)
        bad(r, at, "co_posonlyargcount greater than co_argcount");

    co->nlocalsplus = get_length(r, 1, "number of locals");
    co->localsplus = arena_alloc(r->a, (co->nlocalsplus + 1) * sizeof *co->localsplus);
    co->localspluskinds = arena_alloc(r->a, co->nlocalsplus + 1);
    size_t nlocal = 0;
    for (size_t i = 0; i < co->nlocalsplus; i++) {
        co->localsplus[i] = get_name(r, "local name");
        size_t kat = off_of(r);
        unsigned k = get_byte(r);
        if (k != CO_FAST_LOCAL && k != CO_FAST_CELL && k != CO_FAST_FREE
            && k != (CO_FAST_LOCAL | CO_FAST_CELL))
            bad(r, kat, "bad kind 0x%02x of local %s", k, co->localsplus[i]);
        co->localspluskinds[i] = (uint8_t)k;
        nlocal += (k & CO_FAST_LOCAL) != 0;
    }
    size_t nargs = (size_t)co->argcount + (size_t)co->kwonlyargcount
                   + ((co->flags & CO_VARARGS) != 0) + ((co->flags & CO_VARKEYWORDS) != 0);
    if (nargs > nlocal)
        bad(r, at, "%zu parameters but %zu local variables", nargs, nlocal);

    co->nnames = get_length(r, 1, "number of names");
    co->names = arena_alloc(r->a, (co->nnames + 1) * sizeof *co->names);
    for (size_t i = 0; i < co->nnames; i++)
        co->names[i] = get_name(r, "name");

    co->nconsts = get_length(r, 1, "number of constants");
    co->consts = arena_alloc(r->a, (co->nconsts + 1) * sizeof *co->consts);
    for (size_t i = 0; i < co->nconsts; i++)
        co->consts[i] = get_const(r);

    size_t cat = off_of(r);
    co->ncode = get_length(r, 4, "number of instructions");
    if (co->ncode == 0)
        bad(r, cat, "code object %s has no instructions", co->name);
    size_t code_at = off_of(r);
    co->code = arena_alloc(r->a, co->ncode * sizeof *co->code);
    for (size_t i = 0; i < co->ncode; i++)
        co->code[i] = get_u32(r);
    for (size_t i = 0; i < co->ncode; i++)
        check_instr(r, code_at, co, i);

    co->positions = arena_alloc(r->a, co->ncode * sizeof *co->positions);
    LsPos prev = {-1, -1, -1, -1};
    for (size_t i = 0; i < co->ncode; i++) {
        size_t pat = off_of(r);
        unsigned tag = get_byte(r);
        LsPos p = prev;
        if (tag == POS_NONE) {
            p = (LsPos){-1, -1, -1, -1};
        } else if (tag == POS_FULL) {
            int64_t base = prev.lineno >= 0 ? prev.lineno : co->firstlineno;
            int64_t l = base + get_sv(r);
            int64_t el = l + get_sv(r);
            int64_t c = get_sv(r);
            int64_t ec = c + get_sv(r);
            if (l < -1 || l > 0x7fffffff || el < -1 || el > 0x7fffffff
                || c < -1 || c > 0x7fffffff || ec < -1 || ec > 0x7fffffff)
                bad(r, pat, "instruction %zu: position out of range", i);
            p = (LsPos){(int)l, (int)el, (int)c, (int)ec};
        } else if (tag != POS_SAME) {
            bad(r, pat, "bad position tag %u", tag);
        }
        co->positions[i] = p;
        prev = p;
    }

    size_t eat = off_of(r);
    co->nexc = get_length(r, 5, "number of exception entries");
    co->exctable = arena_alloc(r->a, (co->nexc + 1) * sizeof *co->exctable);
    for (size_t i = 0; i < co->nexc; i++) {
        LsExcEntry *e = &co->exctable[i];
        eat = off_of(r);
        e->start = (uint32_t)get_count(r, co->ncode, "exception range start");
        e->end = (uint32_t)get_count(r, co->ncode, "exception range end");
        e->target = (uint32_t)get_count(r, co->ncode - 1, "exception handler");
        e->depth = (uint32_t)get_count(r, (uint64_t)co->stacksize, "exception depth");
        unsigned l = get_byte(r);
        if (l > 1)
            bad(r, eat, "bad lasti flag %u", l);
        e->lasti = l;
        if (e->start >= e->end)
            bad(r, eat, "empty exception range %u-%u", e->start, e->end);
        if (i > 0 && e->start < co->exctable[i - 1].end)
            bad(r, eat, "exception ranges overlap or are not sorted");
        if (e->depth + 1 + e->lasti > (uint32_t)co->stacksize)
            bad(r, eat, "exception handler depth %u exceeds the stack size %d",
                e->depth, co->stacksize);
    }
    check_stack(r, code_at, co);
    return co;
}

LsCode *ls_code_read(const char *data, size_t len, Arena *a, char *err, size_t errlen)
{
    Reader r;
    static char dummy[2];
    r.base = r.p = (const unsigned char *)data;
    r.end = r.base + len;
    r.a = a;
    r.err = err && errlen ? err : dummy;
    r.errlen = err && errlen ? errlen : sizeof dummy;
    r.nest = 0;
    if (setjmp(r.fail))
        return NULL;
    if (len < 4 || memcmp(data, CODE_MAGIC, 4) != 0)
        bad(&r, 0, "not a code object (bad magic number)");
    if (len < CODE_HDR_LEN)
        bad(&r, len, "truncated header (%zu of %d bytes)", len, CODE_HDR_LEN);
    unsigned version = r.base[4] | (unsigned)r.base[5] << 8;
    if (version != CODE_VERSION)
        bad(&r, 4, "code format version %u, expected %d", version, CODE_VERSION);
    if (memcmp(data + 6, CODE_SENTINEL, 6) != 0)
        bad(&r, 6, "corrupted sentinel (file converted as text?)");
    r.p += 12;
    uint32_t blen = get_u32(&r);
    uint32_t crc = get_u32(&r);
    if (blen != len - CODE_HDR_LEN) {
        if (blen > len - CODE_HDR_LEN)
            bad(&r, len, "truncated: body is %zu bytes, header says %u",
                len - CODE_HDR_LEN, blen);
        bad(&r, CODE_HDR_LEN + (size_t)blen, "%zu bytes of trailing garbage",
            len - CODE_HDR_LEN - blen);
    }
    if (crc32_of(r.p, blen) != crc)
        bad(&r, 16, "checksum mismatch: the code object is corrupted");
    LsCode *co = get_code(&r);
    if (r.p != r.end)
        bad(&r, off_of(&r), "trailing bytes after the module code object");
    return co;
}
