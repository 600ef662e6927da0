/* cmd/pydis/dis.c: listing, metadata and CFG text of a binary code object.
 * Stage: pydis; reads formats/code.md (through libstage/codeio.c), writes a
 * CPython 3.11 `dis`-style listing, `dis.show_code`-style metadata, or
 * format "cfg" (formats/cfg.md) for pyasm.  Offsets are instruction
 * index * 2, like CPython's 2-byte code units (formats/instructions.md).
 */
#include "cmd/pydis/dis.h"

#include <stdlib.h>
#include <string.h>
#include "libstage/buf.h"
#include "libstage/opcodes.h"
#include "libstage/repr.h"

enum { OPNAME_WIDTH = 20, OPARG_WIDTH = 5 };

/* The stable stand-in for a code object's address (CPython prints id()). */
#define DIS_ADDR "0x0"

/* repr() of a constant, with code objects as CPython writes them. */
static void const_repr(Buf *b, const Const *c)
{
    if (c->kind == CONST_CODE) {
        const LsCode *co = c->u.code;
        buf_printf(b, "<code object %s at " DIS_ADDR ", file \"%s\", line %d>",
                   co->name, co->filename, co->firstlineno);
    } else if (c->kind == CONST_FROZENSET) {
        if (c->u.t.len == 0) {
            buf_puts(b, "frozenset()");
            return;
        }
        buf_puts(b, "frozenset({");
        for (size_t i = 0; i < c->u.t.len; i++) {
            if (i)
                buf_puts(b, ", ");
            const_repr(b, c->u.t.items[i]);
        }
        buf_puts(b, "})");
    } else if (c->kind == CONST_TUPLE) {
        buf_putc(b, '(');
        for (size_t i = 0; i < c->u.t.len; i++) {
            if (i)
                buf_puts(b, ", ");
            const_repr(b, c->u.t.items[i]);
        }
        buf_puts(b, c->u.t.len == 1 ? ",)" : ")");
    } else {
        ls_repr_const(b, c);
    }
}

/* The argument details CPython prints in parentheses ("" for none). */
static void argrepr(Buf *b, const LsCode *co, int op, int arg)
{
    switch (op_info[op].arg) {
    case OPARG_CONST:
        if (op != OP_KW_NAMES)   /* 3.11's dis shows KW_NAMES' index only */
            const_repr(b, co->consts[arg]);
        break;
    case OPARG_NAME:
        buf_puts(b, co->names[arg]);
        break;
    case OPARG_LOCAL:
    case OPARG_DEREF:
        buf_puts(b, co->localsplus[arg]);
        break;
    case OPARG_JUMP:
        buf_printf(b, "to %d", arg * 2);
        break;
    case OPARG_CMP:
        buf_puts(b, op_cmp_name(arg));
        break;
    case OPARG_BINOP:
        buf_puts(b, op_binop_name(arg));
        break;
    case OPARG_INT:
        if (op == OP_FORMAT_VALUE) {
            static const char *const conv[4] = {"", "str", "repr", "ascii"};
            buf_puts(b, conv[arg & 3]);
            if (arg & 4)
                buf_puts(b, (arg & 3) ? ", with format" : "with format");
        } else if (op == OP_MAKE_FUNCTION) {
            static const char *const fl[4] = {"defaults", "kwdefaults", "annotations", "closure"};
            bool first = true;
            for (int i = 0; i < 4; i++)
                if (arg & (1 << i)) {
                    buf_puts(b, first ? "" : ", ");
                    buf_puts(b, fl[i]);
                    first = false;
                }
        }
        break;
    case OPARG_NONE:
        break;
    }
}

static int ndigits(long v)
{
    char tmp[32];
    return snprintf(tmp, sizeof tmp, "%ld", v);
}

static void listing_one(FILE *out, const LsCode *co)
{
    size_t n = co->ncode;
    int *starts = ls_xcalloc(n, sizeof *starts);    /* line starting here, or 0 */
    bool *target = ls_xcalloc(n, sizeof *target);
    int last = -1, maxline = -1;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        int l = co->positions[i].lineno;
        starts[i] = -1;
        if (l >= 0 && l != last) {
            starts[i] = l;
            last = l;
            any = true;
            if (l > maxline)
                maxline = l;
        }
        int op = INSTR_OP(co->code[i]);
        if (op_info[op].arg == OPARG_JUMP)
            target[INSTR_ARG(co->code[i])] = true;
    }
    for (size_t i = 0; i < co->nexc; i++)
        target[co->exctable[i].target] = true;
    int lw = !any ? 0 : maxline >= 1000 ? ndigits(maxline) : 3;
    long maxoff = (long)n * 2 - 2;
    int ow = maxoff >= 10000 ? ndigits(maxoff) : 4;
    Buf line = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        int op = INSTR_OP(co->code[i]), arg = INSTR_ARG(co->code[i]);
        if (lw && starts[i] >= 0 && i > 0)
            fputc('\n', out);
        line.len = 0;
        if (lw) {
            if (starts[i] >= 0)
                buf_printf(&line, "%*d ", lw, starts[i]);
            else
                buf_printf(&line, "%*s ", lw, "");
        }
        buf_printf(&line, "    %s %*ld %-*s", target[i] ? ">>" : "  ", ow, (long)i * 2,
                   OPNAME_WIDTH, op_info[op].name);
        if (op_info[op].arg != OPARG_NONE) {
            buf_printf(&line, " %*d", OPARG_WIDTH, arg);
            size_t at = line.len;
            buf_puts(&line, " (");
            argrepr(&line, co, op, arg);
            if (line.len == at + 2)
                line.len = at;
            else
                buf_putc(&line, ')');
        }
        while (line.len && line.data[line.len - 1] == ' ')
            line.len--;
        fwrite(line.data, 1, line.len, out);
        fputc('\n', out);
    }
    if (co->nexc) {
        fputs("ExceptionTable:\n", out);
        for (size_t i = 0; i < co->nexc; i++) {
            const LsExcEntry *e = &co->exctable[i];
            fprintf(out, "  %u to %u -> %u [%u]%s\n", e->start * 2, (e->end - 1) * 2,
                    e->target * 2, e->depth, e->lasti ? " lasti" : "");
        }
    }
    buf_free(&line);
    free(starts);
    free(target);
}

void dis_listing(FILE *out, const LsCode *co)
{
    listing_one(out, co);
    for (size_t i = 0; i < co->nconsts; i++) {
        const Const *c = co->consts[i];
        if (c->kind != CONST_CODE)
            continue;
        Buf b = BUF_INIT;
        const_repr(&b, c);
        fprintf(out, "\nDisassembly of %s:\n", b.data);
        buf_free(&b);
        dis_listing(out, c->u.code);
    }
}

/* ---- show_code ---- */

static const char *const flag_names[10] = {
    "OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED",
    "GENERATOR", "NOFREE", "COROUTINE", "ITERABLE_COROUTINE", "ASYNC_GENERATOR",
};

/* dis.pretty_flags(): names joined by ", ", "0x0" for none. */
static void pretty_flags(FILE *out, int flags, const char *sep, const char *none)
{
    if (!flags) {
        fputs(none, out);
        return;
    }
    bool first = true;
    for (int i = 0; i < 32 && flags; i++)
        if (flags & (1 << i)) {
            if (!first)
                fputs(sep, out);
            first = false;
            if (i < 10)
                fputs(flag_names[i], out);
            else
                fprintf(out, "0x%x", 1u << i);
            flags &= ~(1 << i);
        }
}

static void show_vars(FILE *out, const LsCode *co, const char *title, int kind)
{
    int k = 0;
    for (size_t i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & kind) {
            if (k == 0)
                fprintf(out, "%s:\n", title);
            fprintf(out, "%4d: %s\n", k++, co->localsplus[i]);
        }
}

static void show_one(FILE *out, const LsCode *co)
{
    int nlocals = 0;
    for (size_t i = 0; i < co->nlocalsplus; i++)
        nlocals += (co->localspluskinds[i] & CO_FAST_LOCAL) != 0;
    fprintf(out, "Name:              %s\n", co->name);
    fprintf(out, "Filename:          %s\n", co->filename);
    fprintf(out, "Argument count:    %d\n", co->argcount);
    fprintf(out, "Positional-only arguments: %d\n", co->posonlyargcount);
    fprintf(out, "Kw-only arguments: %d\n", co->kwonlyargcount);
    fprintf(out, "Number of locals:  %d\n", nlocals);
    fprintf(out, "Stack size:        %d\n", co->stacksize);
    fputs("Flags:             ", out);
    pretty_flags(out, co->flags, ", ", "0x0");
    fputc('\n', out);
    if (co->nconsts)
        fputs("Constants:\n", out);
    for (size_t i = 0; i < co->nconsts; i++) {
        Buf b = BUF_INIT;
        const_repr(&b, co->consts[i]);
        fprintf(out, "%4zu: %s\n", i, b.data);
        buf_free(&b);
    }
    if (co->nnames)
        fputs("Names:\n", out);
    for (size_t i = 0; i < co->nnames; i++)
        fprintf(out, "%4zu: %s\n", i, co->names[i]);
    show_vars(out, co, "Variable names", CO_FAST_LOCAL);
    show_vars(out, co, "Free variables", CO_FAST_FREE);
    show_vars(out, co, "Cell variables", CO_FAST_CELL);
}

void dis_show_code(FILE *out, const LsCode *co)
{
    show_one(out, co);
    for (size_t i = 0; i < co->nconsts; i++)
        if (co->consts[i]->kind == CONST_CODE) {
            fputc('\n', out);
            dis_show_code(out, co->consts[i]->u.code);
        }
}

/* ---- CFG text ---- */

/* Section ids: preorder over the code-object tree, the module being 0. */
typedef struct AsmIds {
    const LsCode **codes;   /* codes[id] */
    size_t n, cap;
} AsmIds;

static void collect(AsmIds *ids, const LsCode *co)
{
    if (ids->n == ids->cap) {
        ids->cap = ids->cap ? ids->cap * 2 : 16;
        ids->codes = ls_xrealloc(ids->codes, ids->cap * sizeof *ids->codes);
    }
    ids->codes[ids->n++] = co;
    for (size_t i = 0; i < co->nconsts; i++)
        if (co->consts[i]->kind == CONST_CODE)
            collect(ids, co->consts[i]->u.code);
}

static size_t id_of(const AsmIds *ids, const LsCode *co)
{
    for (size_t i = 0; i < ids->n; i++)
        if (ids->codes[i] == co)
            return i;
    return 0;
}

static void asm_const(FILE *out, const AsmIds *ids, const Const *c)
{
    if (c->kind == CONST_CODE) {
        fprintf(out, "code:%zu", id_of(ids, c->u.code));
        return;
    }
    Buf b = BUF_INIT;
    const_repr(&b, c);
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
}

/* A name as the CFG text spells it: the word itself, or a str literal
 * when it is empty or holds characters that end a word. */
static void asm_name(FILE *out, const char *s)
{
    size_t n = strlen(s);
    if (n && !strpbrk(s, " \t\r\n;\"'") && s[0] != '@') {
        fputs(s, out);
        return;
    }
    Buf b = BUF_INIT;
    ls_repr_str(&b, s, n);
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
}

static void asm_one(FILE *out, const AsmIds *ids, size_t id, const char *source)
{
    const LsCode *co = ids->codes[id];
    size_t n = co->ncode;
    fprintf(out, ".code %zu\n.name ", id);
    asm_name(out, co->name);
    fprintf(out, "\n.qualname %s\n", co->qualname);
    if (strcmp(co->filename, source) != 0) {
        Buf b = BUF_INIT;
        ls_repr_str(&b, co->filename, strlen(co->filename));
        fprintf(out, ".filename %s\n", b.data);
        buf_free(&b);
    }
    fprintf(out, ".firstlineno %d\n", co->firstlineno);
    if (co->argcount)
        fprintf(out, ".argcount %d\n", co->argcount);
    if (co->posonlyargcount)
        fprintf(out, ".posonlyargcount %d\n", co->posonlyargcount);
    if (co->kwonlyargcount)
        fprintf(out, ".kwonlyargcount %d\n", co->kwonlyargcount);
    fputs(".flags ", out);
    pretty_flags(out, co->flags, "|", "0");
    fputc('\n', out);
    for (size_t i = 0; i < co->nlocalsplus; i++) {
        int k = co->localspluskinds[i];
        fputs((k & CO_FAST_LOCAL) ? ".local " : (k & CO_FAST_CELL) ? ".cell " : ".free ", out);
        asm_name(out, co->localsplus[i]);
        fputs((k & CO_FAST_LOCAL) && (k & CO_FAST_CELL) ? " cell\n" : "\n", out);
    }
    fprintf(out, ".stacksize %d\n", co->stacksize);
    for (size_t i = 0; i < co->nconsts; i++) {
        fputs(".const ", out);
        asm_const(out, ids, co->consts[i]);
        fputc('\n', out);
    }
    for (size_t i = 0; i < co->nnames; i++) {
        fputs(".nameref ", out);
        asm_name(out, co->names[i]);
        fputc('\n', out);
    }
    /* labels: L<index> at every jump target and exception-table boundary */
    bool *label = ls_xcalloc(n + 1, 1);
    label[0] = true;
    for (size_t i = 0; i < n; i++)
        if (op_info[INSTR_OP(co->code[i])].arg == OPARG_JUMP)
            label[INSTR_ARG(co->code[i])] = true;
    for (size_t i = 0; i < co->nexc; i++) {
        const LsExcEntry *e = &co->exctable[i];
        label[e->start] = label[e->end] = label[e->target] = true;
        fprintf(out, ".except L%u L%u L%u %u%s\n", e->start, e->end, e->target,
                e->depth, e->lasti ? " lasti" : "");
    }
    for (size_t i = 0; i < n; i++) {
        int op = INSTR_OP(co->code[i]), arg = INSTR_ARG(co->code[i]);
        if (label[i])
            fprintf(out, "L%zu:\n", i);
        fprintf(out, "    %s", op_info[op].name);
        switch (op_info[op].arg) {
        case OPARG_NONE: break;
        case OPARG_INT: fprintf(out, " %d", arg); break;
        case OPARG_CONST: fputc(' ', out); asm_const(out, ids, co->consts[arg]); break;
        case OPARG_NAME: fputc(' ', out); asm_name(out, co->names[arg]); break;
        case OPARG_LOCAL:
        case OPARG_DEREF: fputc(' ', out); asm_name(out, co->localsplus[arg]); break;
        case OPARG_JUMP: fprintf(out, " L%d", arg); break;
        case OPARG_CMP: fprintf(out, " %s", op_cmp_name(arg)); break;
        case OPARG_BINOP: fprintf(out, " %s", op_binop_name(arg)); break;
        }
        const LsPos *p = &co->positions[i];
        if (p->lineno < 0 && p->end_lineno < 0 && p->col < 0 && p->end_col < 0)
            fputs(" @-\n", out);
        else
            fprintf(out, " @%d:%d-%d:%d\n", p->lineno, p->col, p->end_lineno, p->end_col);
    }
    if (label[n])
        fprintf(out, "L%zu:\n", n);
    fputs(".end\n", out);
    free(label);
}

void dis_asm(FILE *out, const LsCode *co)
{
    AsmIds ids = {NULL, 0, 0};
    collect(&ids, co);
    ls_write_header(out, "cfg", 1, co->filename);
    for (size_t i = 0; i < ids.n; i++)
        asm_one(out, &ids, i, co->filename);
    free(ids.codes);
}
