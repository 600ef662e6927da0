/* libstage/tokread.c: the reader of the token stream (format "tokens",
 * formats/tokens.md), used by pyparse.
 *
 * Reads the body that `python3 -m tokenize -e FILE` prints, one token a line:
 *     "L,C-EL,EC:" padded to 20, TYPE padded to 15, repr(string) padded to 15
 * into a TokenList.  Columns stay in characters, as tokenize gives them.
 */
#include "libstage/tokens.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/cst.h"

/* The names of the token types, private so that this reader does not depend
 * on the writer's file being linked. */
static const char *const type_names[TOK_NTYPES] = {
#define TOK(name, str) #name,
#include "libstage/tokens.def"
#undef TOK
};

static TokType type_by_name(const char *s, size_t len)
{
    static unsigned char lens[TOK_NTYPES];
    if (!lens[0])
        for (int t = 0; t < TOK_NTYPES; t++)
            lens[t] = (unsigned char)strlen(type_names[t]);
    for (int t = 0; t < TOK_NTYPES; t++)
        if (lens[t] == len && type_names[t][0] == s[0] && memcmp(type_names[t], s, len) == 0)
            return (TokType)t;
    return TOK_NTYPES;
}

static const char *const type_strs[TOK_NTYPES] = {
#define TOK(name, str) str,
#include "libstage/tokens.def"
#undef TOK
};

static void push(TokenList *list, const Token *t)
{
    if (list->len == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 1024;
        list->toks = ls_xrealloc(list->toks, list->cap * sizeof *list->toks);
    }
    list->toks[list->len++] = *t;
}

void tok_read(const Input *in, size_t body, Arena *a, TokenList *list)
{
    LineCursor c;
    const char *line;
    size_t len;
    Buf b = BUF_INIT;
    bool ended = false;
    memset(list, 0, sizeof *list);
    ls_lines_init(&c, in->data + body, in->data + in->len, 2);
    while (ls_lines_next(&c, &line, &len)) {
        const char *p = line, *end = line + len, *err = NULL;
        Token t;
        memset(&t, 0, sizeof t);
        if (ended) {
            err = "text after ENDMARKER";
            goto bad;
        }
        if (!ls_scan_uint(&p, end, &t.lineno) || p >= end || *p++ != ',' ||
            !ls_scan_uint(&p, end, &t.col) || p >= end || *p++ != '-' ||
            !ls_scan_uint(&p, end, &t.end_lineno) || p >= end || *p++ != ',' ||
            !ls_scan_uint(&p, end, &t.end_col) || p >= end || *p++ != ':') {
            err = "expected a position L,C-EL,EC:";
            goto bad;
        }
        while (p < end && *p == ' ')
            p++;
        const char *name = p;
        while (p < end && ((*p >= 'A' && *p <= 'Z') || *p == '_'))
            p++;
        t.type = type_by_name(name, (size_t)(p - name));
        if (t.type == TOK_NTYPES) {
            err = "unknown token type";
            goto bad;
        }
        while (p < end && *p == ' ')
            p++;
        b.len = 0;
        buf_putc(&b, 0);
        b.len = 0;
        if ((err = cst_read_strrepr(&p, end, &b)))
            goto bad;
        while (p < end && *p == ' ')
            p++;
        if (p != end) {
            err = "junk after the token string";
            goto bad;
        }
        t.str = arena_strndup(a, b.data, b.len);
        t.len = b.len;
        if (t.type == TOK_OP) {
            /* tokenize without -e; find the exact type. */
            for (int k = 0; k < TOK_NTYPES; k++)
                if (type_strs[k] && strlen(type_strs[k]) == t.len &&
                    memcmp(type_strs[k], t.str, t.len) == 0)
                    t.type = (TokType)k;
        }
        if (t.type == TOK_ENCODING) {
            list->encoding = t.str;
            continue;
        }
        if (t.type == TOK_ENDMARKER)
            ended = true;
        push(list, &t);
        continue;
    bad:
        buf_free(&b);
        ls_die(LS_EXIT_USAGE, "%s:%ld: %s", in->name, c.lineno, err);
    }
    buf_free(&b);
    if (!ended)
        ls_die(LS_EXIT_USAGE, "%s:%ld: truncated token stream: no ENDMARKER",
               in->name, c.lineno + 1);
}
