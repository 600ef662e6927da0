/* libstage/cfg.c: the in-memory control-flow graph and its writers.
 *
 * Stage: pycfg.  Writes format "cfg" version 1 (formats/cfg.md) and, for
 * `pycfg --dot`, Graphviz text.  The reader of the cfg text is a separate
 * module (cfgread.c, pyasm's).
 */
#include "libstage/cfg.h"

#include <string.h>
#include "libstage/buf.h"
#include "libstage/io.h"
#include "libstage/repr.h"

CfgCode *cfg_code_new(CfgModule *m, Arena *a)
{
    CfgCode *c = arena_alloc(a, sizeof *c);
    c->id = m->ncodes++;
    c->firstlineno = 1;
    if (m->last)
        m->last->next = c;
    else
        m->first = c;
    m->last = c;
    return c;
}

CfgBlock *cfg_block_new(CfgCode *c, Arena *a)
{
    CfgBlock *b = arena_alloc(a, sizeof *b);
    b->label = c->nlabels++;
    b->alloc_next = c->blocks;
    c->blocks = b;
    return b;
}

CfgInstr *cfg_block_add(CfgBlock *b, Arena *a)
{
    if (b->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 8;
        CfgInstr *p = arena_alloc(a, (size_t)cap * sizeof *p);
        if (b->n)
            memcpy(p, b->instrs, (size_t)b->n * sizeof *p);
        b->instrs = p;
        b->cap = cap;
    }
    CfgInstr *i = &b->instrs[b->n++];
    memset(i, 0, sizeof *i);
    i->pos.lineno = i->pos.end_lineno = -1;
    i->pos.col = i->pos.end_col = -1;
    return i;
}

int cfg_code_find_var(const CfgCode *c, const char *name)
{
    for (int i = 0; i < c->nvars; i++)
        if (strcmp(c->vars[i], name) == 0)
            return i;
    return -1;
}

int cfg_code_var(CfgCode *c, Arena *a, const char *name, int kind)
{
    int i = cfg_code_find_var(c, name);
    if (i >= 0) {
        c->varkinds[i] |= kind;
        return i;
    }
    if (c->nvars == c->capvars) {
        int cap = c->capvars ? c->capvars * 2 : 8;
        const char **v = arena_alloc(a, (size_t)cap * sizeof *v);
        int *k = arena_alloc(a, (size_t)cap * sizeof *k);
        if (c->nvars) {
            memcpy(v, c->vars, (size_t)c->nvars * sizeof *v);
            memcpy(k, c->varkinds, (size_t)c->nvars * sizeof *k);
        }
        c->vars = v;
        c->varkinds = k;
        c->capvars = cap;
    }
    c->vars[c->nvars] = name;
    c->varkinds[c->nvars] = kind;
    return c->nvars++;
}

/* ---- text writer ---- */


/* Labels are numbered in layout order when written, so the text reads
 * L0, L1, ... top to bottom whatever order the compiler made them in. */
static void number_blocks(const CfgCode *c)
{
    int n = 0;
    for (CfgBlock *b = c->entry; b; b = b->next)
        b->label = n++;
}

static void write_flags(Buf *b, int flags)
{
    static const struct { int bit; const char *name; } names[] = {
        {CO_OPTIMIZED, "OPTIMIZED"}, {CO_NEWLOCALS, "NEWLOCALS"},
        {CO_VARARGS, "VARARGS"}, {CO_VARKEYWORDS, "VARKEYWORDS"},
        {CO_NESTED, "NESTED"}, {CO_GENERATOR, "GENERATOR"},
        {CO_COROUTINE, "COROUTINE"}, {CO_ITERABLE_COROUTINE, "ITERABLE_COROUTINE"},
        {CO_ASYNC_GENERATOR, "ASYNC_GENERATOR"},
    };
    bool any = false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (flags & names[i].bit) {
            buf_printf(b, "%s%s", any ? "|" : "", names[i].name);
            any = true;
        }
    if (!any)
        buf_putc(b, '0');
}

/* A name as a bare word, or as a str literal when it is not one (empty,
 * or holding a blank, ';', a quote or a leading '@'). */
static void write_name(Buf *b, const char *name)
{
    size_t n = strlen(name);
    bool plain = n > 0 && name[0] != '@' && name[0] != '\'' && name[0] != '"';
    for (size_t i = 0; plain && i < n; i++)
        if (name[i] == ' ' || name[i] == '\t' || name[i] == ';' || name[i] == '\n' ||
            name[i] == '\r')
            plain = false;
    if (plain)
        buf_put(b, name, n);
    else
        ls_repr_str(b, name, n);
}

/* A decimal int at p, without printf (the writer's hot path); returns
 * the number of bytes written (at most 11). */
static size_t fmt_int(char *p, int v)
{
    char tmp[16], *q = tmp + sizeof tmp;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        *--q = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--q = '-';
    size_t n = (size_t)(tmp + sizeof tmp - q);
    memcpy(p, q, n);
    return n;
}

static void put_int(Buf *b, int v)
{
    char tmp[16];
    buf_put(b, tmp, fmt_int(tmp, v));
}

/* A NUL-terminated string of known-short length. */
static void put_str(Buf *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

static void write_instr(Buf *b, const CfgInstr *in)
{
    char head[64] = "    ";      /* the indent and the opcode name */
    const char *name = op_info[in->op].name;
    size_t nl = strlen(name);
    if (nl > sizeof head - 4)
        nl = sizeof head - 4;
    memcpy(head + 4, name, nl);
    buf_put(b, head, 4 + nl);
    switch (op_info[in->op].arg) {
    case OPARG_NONE:
        break;
    case OPARG_INT:
        buf_putc(b, ' ');
        put_int(b, in->arg);
        break;
    case OPARG_CONST:
        buf_putc(b, ' ');
        if (in->code) {
            buf_put(b, "code:", 5);
            put_int(b, in->code->id);
        } else
            ls_repr_const(b, in->cst);
        break;
    case OPARG_NAME:
    case OPARG_LOCAL:
    case OPARG_DEREF:
        buf_putc(b, ' ');
        write_name(b, in->name);
        break;
    case OPARG_JUMP:
        buf_put(b, " L", 2);
        put_int(b, in->target ? in->target->label : -1);
        break;
    case OPARG_CMP:
        buf_putc(b, ' ');
        put_str(b, op_cmp_name(in->arg) ? op_cmp_name(in->arg) : "?");
        break;
    case OPARG_BINOP:
        buf_putc(b, ' ');
        put_str(b, op_binop_name(in->arg) ? op_binop_name(in->arg) : "?");
        break;
    }
    char tail[64], *t = tail;   /* " @L:C-EL:EC\n", one copy into b */
    if (in->pos.lineno >= 0) {   /* the other three may be -1: unknown */
        *t++ = ' ';
        *t++ = '@';
        t += fmt_int(t, in->pos.lineno);
        *t++ = ':';
        t += fmt_int(t, in->pos.col);
        *t++ = '-';
        t += fmt_int(t, in->pos.end_lineno);
        *t++ = ':';
        t += fmt_int(t, in->pos.end_col);
    }
    *t++ = '\n';
    buf_put(b, tail, (size_t)(t - tail));
}

static void write_code(Buf *b, const CfgCode *c)
{
    number_blocks(c);
    buf_printf(b, ".code %d\n.name %s\n.qualname %s\n.firstlineno %d\n",
               c->id, c->name, c->qualname, c->firstlineno);
    if (c->argcount)
        buf_printf(b, ".argcount %d\n", c->argcount);
    if (c->posonlyargcount)
        buf_printf(b, ".posonlyargcount %d\n", c->posonlyargcount);
    if (c->kwonlyargcount)
        buf_printf(b, ".kwonlyargcount %d\n", c->kwonlyargcount);
    buf_puts(b, ".flags ");
    write_flags(b, c->flags);
    buf_putc(b, '\n');
    for (int i = 0; i < c->nvars; i++) {
        int k = c->varkinds[i];
        if (k & CFG_LOCAL)
            buf_printf(b, ".local %s%s\n", c->vars[i], (k & CFG_CELL) ? " cell" : "");
        else if (k & CFG_CELL)
            buf_printf(b, ".cell %s\n", c->vars[i]);
        else
            buf_printf(b, ".free %s\n", c->vars[i]);
    }
    for (int i = 0; i < c->nconsts; i++) {
        buf_puts(b, ".const ");
        if (c->const_codes && c->const_codes[i])
            buf_printf(b, "code:%d", c->const_codes[i]->id);
        else
            ls_repr_const(b, c->consts[i]);
        buf_putc(b, '\n');
    }
    for (int i = 0; i < c->nnames; i++) {
        buf_puts(b, ".nameref ");
        write_name(b, c->names[i]);
        buf_putc(b, '\n');
    }
    for (CfgBlock *bl = c->entry; bl; bl = bl->next) {
        buf_putc(b, 'L');
        put_int(b, bl->label);
        buf_put(b, ":\n", 2);
        for (int i = 0; i < bl->n; i++)
            write_instr(b, &bl->instrs[i]);
    }
    buf_puts(b, ".end\n");
}

void cfg_write(FILE *out, const CfgModule *m)
{
    ls_write_header(out, LS_CFG_FORMAT, LS_CFG_VERSION, m->filename);
    Buf b = BUF_INIT;
    for (const CfgCode *c = m->first; c; c = c->next) {
        write_code(&b, c);
        fwrite(b.data, 1, b.len, out);
        b.len = 0;
    }
    buf_free(&b);
}

/* ---- Graphviz writer ---- */

/* A dot record label escapes these characters. */
static void dot_escape(Buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '"' || ch == '\\' || ch == '{' || ch == '}' || ch == '<' ||
            ch == '>' || ch == '|')
            buf_putc(b, '\\');
        if (ch != '\n')
            buf_putc(b, ch);
    }
}

void cfg_write_dot(FILE *out, const CfgModule *m)
{
    Buf b = BUF_INIT, line = BUF_INIT;
    buf_puts(&b, "digraph cfg {\n    node [shape=record, fontname=\"monospace\"];\n");
    for (const CfgCode *c = m->first; c; c = c->next) {
        number_blocks(c);
        buf_printf(&b, "    subgraph cluster_%d {\n        label=\"", c->id);
        dot_escape(&b, c->qualname, strlen(c->qualname));
        buf_printf(&b, " (code:%d)\";\n", c->id);
        for (CfgBlock *bl = c->entry; bl; bl = bl->next) {
            buf_printf(&b, "        c%d_L%d [label=\"{L%d:", c->id, bl->label, bl->label);
            for (int i = 0; i < bl->n; i++) {
                line.len = 0;
                write_instr(&line, &bl->instrs[i]);
                buf_puts(&b, "\\l");
                dot_escape(&b, line.data, line.len);
            }
            buf_puts(&b, "\\l}\"];\n");
        }
        for (CfgBlock *bl = c->entry; bl; bl = bl->next) {
            const CfgInstr *last = bl->n ? &bl->instrs[bl->n - 1] : NULL;
            for (int i = 0; i < bl->n; i++) {
                const CfgInstr *in = &bl->instrs[i];
                if (!op_has_jump(in->op) || !in->target)
                    continue;
                bool exc = op_is_block_push(in->op);
                buf_printf(&b, "        c%d_L%d -> c%d_L%d%s;\n", c->id, bl->label,
                           c->id, in->target->label, exc ? " [style=dashed]" : "");
            }
            if (bl->next && !(last && op_is_terminator(last->op)))
                buf_printf(&b, "        c%d_L%d -> c%d_L%d [color=gray];\n", c->id,
                           bl->label, c->id, bl->next->label);
        }
        buf_puts(&b, "    }\n");
    }
    buf_puts(&b, "}\n");
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
    buf_free(&line);
}
