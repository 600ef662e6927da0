/* cmd/pyast/main.c: pyast, the AST stage.
 *
 * Reads a concrete syntax tree (format "cst", formats/cst.md), writes the
 * AST (format "ast", formats/ast.md): a header line, then exactly what
 * `python3 -m ast -a --no-type-comments FILE` prints.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pyast/build.h"
#include "libstage/astio.h"
#include "libstage/common.h"
#include "libstage/cst.h"
#include "libstage/diag.h"
#include "libstage/io.h"
#include "libstage/unicode.h"

static const char usage_text[] =
    "usage: pyast [-i N] [--no-attributes] [-o FILE] [FILE]\n";

static void usage(FILE *f)
{
    fputs(usage_text, f);
    if (f == stdout)
        fputs("Build the AST (for pysym) from a concrete syntax tree (pyparse).\n"
              "  -i, --indent N      indentation of nested nodes (default 3)\n"
              "      --no-attributes leave out lineno and col_offset attributes\n"
              "  -o FILE             write to FILE instead of stdout\n"
              "  -h, --help          show this help\n"
              "      --version       show the version\n", f);
}

/* The source line `lineno` of the file named in the header, or NULL. */
static char *source_line(const char *name, int lineno)
{
    if (!name || name[0] == '<')
        return NULL;
    FILE *f = fopen(name, "rb");
    if (!f)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int l = 0;
    char *r = NULL;
    while ((n = getline(&line, &cap, f)) >= 0) {
        if (++l == lineno) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = '\0';
            r = ls_xstrdup(line);
            break;
        }
    }
    free(line);
    fclose(f);
    return r;
}

/* Character column of a UTF-8 byte column in text (or the byte column). */
static int char_col(const char *text, int bcol)
{
    if (!text)
        return bcol;
    size_t len = strlen(text);
    if ((size_t)bcol > len)
        return bcol - (int)(len - ls_utf8_count(text, len));
    return (int)ls_utf8_count(text, (size_t)bcol);
}

int main(int argc, char **argv)
{
    enum { OPT_NOATTR = 256, OPT_VERSION };
    static const struct option longopts[] = {
        {"indent", required_argument, NULL, 'i'},
        {"no-attributes", no_argument, NULL, OPT_NOATTR},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    ls_init("pyast");
    int indent = 3;
    bool attrs = true;
    const char *outpath = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "hi:o:", longopts, NULL)) != -1) {
        switch (c) {
        case 'i': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || v > 100) {
                usage(stderr);
                return LS_EXIT_USAGE;
            }
            indent = v < 0 ? 0 : (int)v;   /* python3 -m ast: ' ' * -1 == '' */
            break;
        }
        case OPT_NOATTR: attrs = false; break;
        case 'o': outpath = optarg; break;
        case 'h': usage(stdout); return 0;
        case OPT_VERSION: printf("pyast (pytools) %s\n", LS_VERSION); return 0;
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
    ls_expect_header(&in, LS_CST_FORMAT, LS_CST_VERSION, "pyparse", &h, out);
    Arena a;
    arena_init(&a);
    CstNode *root = cst_read(&in, h.body, &a);
    if (root->rule != CST_file)
        ls_die(LS_EXIT_USAGE, "%s:2: the root is not a file node", in.name);
    cst_collapse(root);
    BuildError err;
    AstNode *mod = astb_from_cst(root, &a, &err);
    if (!mod && err.malformed) {
        if (err.lineno > 0)
            ls_die(LS_EXIT_USAGE, "%s: malformed parse tree (at source line %d)", in.name, err.lineno);
        ls_die(LS_EXIT_USAGE, "%s: malformed parse tree", in.name);
    }
    if (!mod) {
        char *text = source_line(h.source, err.lineno);
        Diag d;
        memset(&d, 0, sizeof d);
        d.type = "SyntaxError";
        d.msg = err.msg;
        d.filename = h.source;
        d.lineno = err.lineno;
        d.offset = char_col(text, err.col) + 1;
        d.end_lineno = err.end_lineno;
        if (err.end_lineno) {
            char *etext = err.end_lineno == err.lineno ? text : source_line(h.source, err.end_lineno);
            d.end_offset = char_col(etext, err.end_col) + 1;
            if (etext != text)
                free(etext);
        }
        d.text = text;
        ls_diag_report(out, &d);
    }
    ls_write_header(out, LS_AST_FORMAT, LS_AST_VERSION, h.source);
    ast_write(out, mod, attrs, indent);
    ls_close_output(out);
    arena_free(&a);
    free(h.source);
    ls_free_input(&in);
    return 0;
}
