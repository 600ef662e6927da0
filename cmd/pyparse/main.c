/* cmd/pyparse/main.c: pyparse, the parser stage.
 *
 * Reads a token stream (format "tokens", formats/tokens.md), writes the
 * concrete syntax tree (format "cst", formats/cst.md) or, with --dot, a
 * Graphviz digraph of it.  A SyntaxError is printed in CPython's layout and
 * passed down the pipe as an error record (exit 1).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pyparse/parse.h"
#include "libstage/common.h"
#include "libstage/cst.h"
#include "libstage/diag.h"
#include "libstage/io.h"
#include "libstage/tokens.h"

static const char usage_text[] =
    "usage: pyparse [-c] [--dot] [-o FILE] [FILE]\n";

static void usage(FILE *f)
{
    fputs(usage_text, f);
    if (f == stdout)
        fputs("Parse a token stream (pytok) into a concrete syntax tree (for pyast).\n"
              "  -c, --collapse  drop single-child chains of rule nodes\n"
              "      --dot       write the tree as a Graphviz digraph\n"
              "  -o FILE         write to FILE instead of stdout\n"
              "  -h, --help      show this help\n"
              "      --version   show the version\n", f);
}

/* The program's source, for the line shown in a SyntaxError, when the file
 * named in the header can be read. */
static char *read_source(const char *name, size_t *len)
{
    if (!name || name[0] == '<')
        return NULL;
    FILE *f = fopen(name, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 14, n = 0;
    char *s = ls_xmalloc(cap);
    size_t k;
    while ((k = fread(s + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap)
            s = ls_xrealloc(s, cap *= 2);
    }
    fclose(f);
    *len = n;
    return s;
}

int main(int argc, char **argv)
{
    enum { OPT_DOT = 256, OPT_VERSION };
    static const struct option longopts[] = {
        {"collapse", no_argument, NULL, 'c'},
        {"dot", no_argument, NULL, OPT_DOT},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    ls_init("pyparse");
    bool collapse = false, dot = false;
    const char *outpath = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "cho:", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': collapse = true; break;
        case OPT_DOT: dot = true; break;
        case 'o': outpath = optarg; break;
        case 'h': usage(stdout); return 0;
        case OPT_VERSION: printf("pyparse (pytools) %s\n", LS_VERSION); return 0;
        default: usage(stderr); return LS_EXIT_USAGE;
        }
    }
    if (argc - optind > 1) {
        usage(stderr);
        return LS_EXIT_USAGE;
    }
    Input in;
    ls_read_input(optind < argc ? argv[optind] : NULL, &in);
    FILE *out = ls_open_output(outpath);
    Header h;
    ls_expect_header(&in, LS_TOKENS_FORMAT, LS_TOKENS_VERSION, "pytok", &h, out);
    Arena a;
    arena_init(&a);
    TokenList tl;
    tok_read(&in, h.body, &a, &tl);
    ParseOptions opt = {collapse, NULL, 0};
    size_t srclen = 0;
    char *src = read_source(h.source, &srclen);
    opt.source_text = src;
    opt.source_len = srclen;
    ParseError err;
    CstNode *root = parse_tokens(&tl, &a, &opt, &err);
    if (!root) {
        if (err.type && strcmp(err.type, "MemoryError") == 0) {
            fputs("MemoryError\n", stderr);
            ls_write_error_record(out, h.source, "MemoryError\n");
            ls_close_output(out);
            return LS_EXIT_PYERR;
        }
        Diag d;
        memset(&d, 0, sizeof d);
        d.type = err.type ? err.type : "SyntaxError";
        d.msg = err.msg;
        d.filename = h.source;
        d.lineno = err.lineno;
        d.offset = err.col + 1;
        d.end_lineno = err.end_lineno;
        d.end_offset = err.end_lineno ? err.end_col + 1 : 0;
        d.text = err.text;
        ls_diag_report(out, &d);
    }
    if (!dot && cst_depth(root, CST_MAX_DEPTH) > CST_MAX_DEPTH) {
        /* Deeper than a cst reader takes (e.g. a sum of 100000 terms), and
         * far past CPython's compiler limit: CPython's message for it. */
        static const char rec[] =
            "RecursionError: maximum recursion depth exceeded during compilation\n";
        fputs(rec, stderr);
        ls_write_error_record(out, h.source, rec);
        ls_close_output(out);
        return LS_EXIT_PYERR;
    }
    if (dot) {
        cst_write_dot(out, root);
    } else {
        ls_write_header(out, LS_CST_FORMAT, LS_CST_VERSION, h.source);
        cst_write(out, root);
    }
    ls_close_output(out);
    free(src);
    free(tl.toks);
    arena_free(&a);
    free(h.source);
    ls_free_input(&in);
    return 0;
}
