/* cmd/pyasm/asm.c: the assembler (see asm.h).  Stage: pyasm; reads the
 * CFG sections built by libstage/cfgread.c, fills LsCode for
 * libstage/codeio.c to write (formats/code.md). */
#include "cmd/pyasm/asm.h"

#include <stdlib.h>
#include <string.h>
#include "libstage/opcodes.h"

/* Per-section working state. */
typedef struct Asm {
    const char *name;     /* input name for messages */
    Arena *a;             /* everything below is allocated here */
    AsmCode *c;           /* the section */
    size_t nb;            /* blocks */
    int *start;           /* instruction index of each block's first instruction */
    int *depth;           /* stack depth at block entry; -1: not reached */
    long *depthline;      /* line of the instruction that set depth[] */
    bool *lasti;          /* block is a handler that gets lasti pushed */
    int **handler;        /* per block, per instruction: handler block or -1 */
    int *work;            /* worklist of block indices */
    size_t nwork;         /* entries in work */
    int maxdepth;         /* deepest stack seen so far: co_stacksize */
} Asm;

#define ERR_AT(s, line, ...) ls_cfg_error((s)->name, (line), __VA_ARGS__)

static const char *blk_name(Asm *s, int b)
{
    static char buf[2][32];
    static int which;
    which ^= 1;
    if (s->c->blocks[b].label >= 0)
        snprintf(buf[which], sizeof buf[which], "L%d", s->c->blocks[b].label);
    else
        snprintf(buf[which], sizeof buf[which], "the block at line %ld", s->c->blocks[b].line);
    return buf[which];
}

/* Record that block b is entered with stack depth d (from line). */
static void reach(Asm *s, int b, int d, long line)
{
    if (s->depth[b] < 0) {
        s->depth[b] = d;
        s->depthline[b] = line;
        s->work[s->nwork++] = b;
    } else if (s->depth[b] != d) {
        ERR_AT(s, line, "inconsistent stack depth at %s: %d from here, %d from line %ld",
               blk_name(s, b), d, s->depth[b], s->depthline[b]);
    }
}

static void stack_walk(Asm *s)
{
    AsmCode *c = s->c;
    s->work = arena_alloc(s->a, (s->nb + 1) * sizeof *s->work);
    s->nwork = 0;
    reach(s, 0, 0, c->blocks[0].line);
    for (size_t i = 0; i < c->nexcepts; i++) {
        AsmExcept *e = &c->excepts[i];
        int d = e->depth + 1 + e->lasti;
        if (d > s->maxdepth)
            s->maxdepth = d;
        reach(s, e->target, d, e->line);
    }
    while (s->nwork) {
        int b = s->work[--s->nwork];
        AsmBlock *bl = &c->blocks[b];
        int d = s->depth[b];
        bool falls = true;
        long last = bl->line;
        for (size_t i = 0; i < bl->n; i++) {
            AsmInstr *in = &bl->instrs[i];
            last = in->line;
            int eff = op_stack_effect(in->op, in->arg, false);
            int need = op_stack_need(in->op, in->arg);
            if (d + eff < 0 || d < need)
                ERR_AT(s, in->line, "stack underflow: %s at stack depth %d (needs %d)",
                       op_info[in->op].name, d, need > -eff ? need : -eff);
            if (op_has_jump(in->op)) {
                if (s->start[in->arg] >= s->start[s->nb])
                    ERR_AT(s, in->line, "jump out of code section %d: %s is past its last instruction",
                           c->id, blk_name(s, in->arg));
                int td = d + op_stack_effect(in->op, in->arg, true);
                if (td < 0)
                    ERR_AT(s, in->line, "stack underflow: %s at stack depth %d",
                           op_info[in->op].name, d);
                if (td > INSTR_ARG_MAX)
                    ERR_AT(s, in->line, "stack too deep (%d values)", td);
                if (td > s->maxdepth)
                    s->maxdepth = td;
                reach(s, in->arg, td, in->line);
            }
            d += eff;
            if (d > INSTR_ARG_MAX)
                ERR_AT(s, in->line, "stack too deep (%d values)", d);
            if (d > s->maxdepth)
                s->maxdepth = d;
            if (op_is_terminator(in->op)) {
                falls = false;
                break;
            }
        }
        if (falls) {
            if ((size_t)b + 1 >= s->nb)
                ERR_AT(s, last, "control falls off the end of code section %d "
                       "(the last block needs RETURN_VALUE, a jump or a raise)", c->id);
            reach(s, b + 1, d, last);
        }
    }
}

/* ---- exception handler labelling, as CPython 3.11's
 * label_exception_targets(): propagate the stack of active handlers along
 * the flow graph; each instruction is protected by the top handler. */

typedef struct ExcStack {
    int *h;       /* handler block indices, bottom first */
    size_t n;     /* entries */
} ExcStack;

static ExcStack *exc_copy(Asm *s, const ExcStack *x)
{
    ExcStack *y = arena_alloc(s->a, sizeof *y);
    y->h = arena_alloc(s->a, (x->n + s->nb + 1) * sizeof *y->h);
    if (x->n)
        memcpy(y->h, x->h, x->n * sizeof *x->h);
    y->n = x->n;
    return y;
}

static void label_handlers(Asm *s)
{
    AsmCode *c = s->c;
    ExcStack **stacks = arena_alloc(s->a, s->nb * sizeof *stacks);
    bool *seen = arena_alloc(s->a, s->nb);
    int *todo = arena_alloc(s->a, (s->nb + 1) * sizeof *todo);
    size_t ntodo = 0;
    ExcStack empty = {NULL, 0};
    stacks[0] = exc_copy(s, &empty);
    seen[0] = true;
    todo[ntodo++] = 0;
    while (ntodo) {
        int b = todo[--ntodo];
        AsmBlock *bl = &c->blocks[b];
        ExcStack *st = stacks[b];
        int h = st->n ? st->h[st->n - 1] : -1;
        bool falls = true;
        for (size_t i = 0; i < bl->n; i++) {
            AsmInstr *in = &bl->instrs[i];
            s->handler[b][i] = -1;
            /* A NOP written just before a SETUP_* or POP_BLOCK stands for
             * the slot CPython keeps for that pseudo-instruction (turned
             * into a NOP for its line number, cfg.md): like it, it is
             * protected by no handler. */
            if ((op_is_block_push(in->op) || in->op == OP_POP_BLOCK) && i > 0
                && bl->instrs[i - 1].op == OP_NOP)
                s->handler[b][i - 1] = -1;
            if (op_is_block_push(in->op)) {
                int t = in->arg;
                if (!seen[t]) {
                    stacks[t] = exc_copy(s, st);
                    seen[t] = true;
                    todo[ntodo++] = t;
                }
                if (st->n >= s->nb)
                    ERR_AT(s, in->line, "too many nested SETUP blocks");
                st->h[st->n++] = t;
                if (in->op != OP_SETUP_FINALLY)
                    s->lasti[t] = true;
                h = t;
            } else if (in->op == OP_POP_BLOCK) {
                if (st->n == 0)
                    ERR_AT(s, in->line, "POP_BLOCK without an active SETUP_* block");
                st->n--;
                h = st->n ? st->h[st->n - 1] : -1;
            } else {
                s->handler[b][i] = h;
                if (op_has_jump(in->op) && !seen[in->arg]) {
                    stacks[in->arg] = exc_copy(s, st);
                    seen[in->arg] = true;
                    todo[ntodo++] = in->arg;
                }
            }
            if (op_is_terminator(in->op)) {
                falls = false;
                break;
            }
        }
        if (falls && (size_t)b + 1 < s->nb && !seen[b + 1]) {
            stacks[b + 1] = exc_copy(s, st);
            seen[b + 1] = true;
            todo[ntodo++] = b + 1;
        }
    }
}

static int cmp_exc(const void *x, const void *y)
{
    const LsExcEntry *p = x, *q = y;
    return p->start < q->start ? -1 : p->start > q->start;
}

static void assemble_code(Asm *s)
{
    AsmCode *c = s->c;
    LsCode *co = c->code;
    s->nb = c->nblocks;
    s->start = arena_alloc(s->a, (s->nb + 1) * sizeof *s->start);
    s->depth = arena_alloc(s->a, s->nb * sizeof *s->depth);
    s->depthline = arena_alloc(s->a, s->nb * sizeof *s->depthline);
    s->lasti = arena_alloc(s->a, s->nb);
    s->handler = arena_alloc(s->a, s->nb * sizeof *s->handler);
    s->maxdepth = 0;
    size_t n = 0;
    bool pseudo_exc = false;
    for (size_t b = 0; b < s->nb; b++) {
        AsmBlock *bl = &c->blocks[b];
        s->start[b] = (int)n;
        s->depth[b] = -1;
        s->handler[b] = arena_alloc(s->a, (bl->n + 1) * sizeof(int));
        for (size_t i = 0; i < bl->n; i++) {
            int op = bl->instrs[i].op;
            if (op_is_block_push(op) || op == OP_POP_BLOCK)
                pseudo_exc = true;
            else
                n++;
            s->handler[b][i] = -1;
            if (n > INSTR_ARG_MAX)
                ERR_AT(s, bl->instrs[i].line, "code section %d is too long", c->id);
        }
    }
    s->start[s->nb] = (int)n;
    if (n == 0)
        ERR_AT(s, c->line, "code section %d has no real instructions", c->id);

    stack_walk(s);
    if (pseudo_exc)
        label_handlers(s);

    co->ncode = n;
    co->code = arena_alloc(s->a, n * sizeof *co->code);
    co->positions = arena_alloc(s->a, n * sizeof *co->positions);
    int *hof = arena_alloc(s->a, n * sizeof *hof);   /* handler of each instruction */
    size_t k = 0;
    for (size_t b = 0; b < s->nb; b++) {
        AsmBlock *bl = &c->blocks[b];
        for (size_t i = 0; i < bl->n; i++) {
            AsmInstr *in = &bl->instrs[i];
            int op = in->op, arg = in->arg;
            if (op_is_block_push(op) || op == OP_POP_BLOCK)
                continue;
            if (op_has_jump(op)) {
                arg = s->start[in->arg];
                if ((size_t)arg >= n)
                    ERR_AT(s, in->line, "jump out of code section %d: %s is past its last instruction",
                           c->id, blk_name(s, in->arg));
                if (op == OP_JUMP)
                    op = arg > (int)k ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD;
                else if (op == OP_JUMP_NO_INTERRUPT)
                    op = arg > (int)k ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD_NO_INTERRUPT;
            }
            co->code[k] = INSTR_MAKE(op, arg);
            co->positions[k] = in->pos;
            hof[k] = s->handler[b][i];
            k++;
        }
    }

    /* The exception table: maximal runs of instructions with the same
     * handler (CPython's assemble_exception_table), then explicit entries. */
    size_t cap = c->nexcepts + n + 1;
    co->exctable = arena_alloc(s->a, cap * sizeof *co->exctable);
    co->nexc = 0;
    for (size_t i = 0; i < n;) {
        int h = hof[i];
        size_t j = i + 1;
        while (j < n && hof[j] == h)
            j++;
        if (h >= 0) {
            LsExcEntry *e = &co->exctable[co->nexc++];
            e->start = (uint32_t)i;
            e->end = (uint32_t)j;
            e->target = (uint32_t)s->start[h];
            e->lasti = s->lasti[h];
            e->depth = (uint32_t)(s->depth[h] - 1 - (int)s->lasti[h]);
            if ((size_t)s->start[h] >= n)
                ERR_AT(s, c->blocks[h].line, "exception handler %s is past the last instruction",
                       blk_name(s, h));
        }
        i = j;
    }
    for (size_t i = 0; i < c->nexcepts; i++) {
        AsmExcept *x = &c->excepts[i];
        LsExcEntry *e = &co->exctable[co->nexc++];
        e->start = (uint32_t)s->start[x->start];
        e->end = (uint32_t)s->start[x->end];
        e->target = (uint32_t)s->start[x->target];
        e->depth = (uint32_t)x->depth;
        e->lasti = x->lasti;
        if (e->start >= e->end)
            ERR_AT(s, x->line, ".except: empty range %s..%s",
                   blk_name(s, x->start), blk_name(s, x->end));
        if (e->target >= n)
            ERR_AT(s, x->line, ".except: handler %s is past the last instruction",
                   blk_name(s, x->target));
    }
    qsort(co->exctable, co->nexc, sizeof *co->exctable, cmp_exc);
    for (size_t i = 1; i < co->nexc; i++)
        if (co->exctable[i].start < co->exctable[i - 1].end)
            ERR_AT(s, c->line, "code section %d: exception ranges overlap (instructions %u-%u and %u-%u)",
                   c->id, co->exctable[i - 1].start, co->exctable[i - 1].end,
                   co->exctable[i].start, co->exctable[i].end);

    co->stacksize = s->maxdepth;
    if (c->stacksize >= 0) {
        if (c->stacksize < s->maxdepth)
            ERR_AT(s, c->line, "code section %d: .stacksize %d, but the code needs %d",
                   c->id, c->stacksize, s->maxdepth);
        co->stacksize = c->stacksize;
    }
}

void asm_assemble(AsmFile *f, const char *name, Arena *a)
{
    for (size_t i = 0; i < f->ncodes; i++) {
        Asm s;
        memset(&s, 0, sizeof s);
        s.name = name;
        s.a = a;
        s.c = f->codes[i];
        assemble_code(&s);
    }
}
