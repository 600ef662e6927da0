/* cmd/pysym/main.c: pysym, the symbol table stage.
 *
 * Reads format "ast" (from pyast), builds CPython 3.11's symbol tables
 * (libstage/symtab.c) and writes format "symtab" (formats/symtab.md): the
 * header, the scope and symbol records, the line "ast", then the input AST
 * text unchanged, so pycfg finds both in one file.  With --tree it prints a
 * person-readable scope tree instead.  A SyntaxError the symbol table finds
 * ("name 'x' is parameter and global", ...) is printed in CPython's layout
 * and passed down the pipe as an error record (exit 1).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/astio.h"
#include "libstage/common.h"
#include "libstage/diag.h"
#include "libstage/io.h"
#include "libstage/symtab.h"

static const char usage_text[] = "usage: pysym [-h] [--version] [--tree | --check] [-o FILE] [FILE]\n";

static void usage(FILE *f)
{
    fputs(usage_text, f);
    if (f == stdout)
        fputs("\n"
              "Read an AST (format ast, from pyast) and write it with its symbol\n"
              "tables (format symtab) for pycfg.\n"
              "\n"
              "  -h, --help     show this help and exit\n"
              "      --version  show the version and exit\n"
              "      --tree     print a readable scope tree instead of the symtab format\n"
              "      --check    read a symtab document instead, check it, write it back\n"
              "  -o FILE        write to FILE instead of standard output\n",
              f);
}

/* Line lineno of the source file the header names, as CPython reads it
 * back for a SyntaxError's text; NULL when it cannot be read. */
static char *source_line(const char *path, int lineno)
{
    if (lineno <= 0 || !path || !*path || path[0] == '<')
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    for (int i = 0; i < lineno; i++) {
        n = getline(&line, &cap, f);
        if (n < 0)
            break;
    }
    fclose(f);
    if (n < 0) {
        free(line);
        return NULL;
    }
    return line;
}

/* --check: read a symtab document with sym_read (every record checked,
 * every scope attached to its AST node) and write it back. */
static int check_symtab(Input *in, FILE *out)
{
    Header h;
    ls_expect_header(in, LS_SYMTAB_FORMAT, LS_SYMTAB_VERSION, "pysym", &h, out);
    Arena arena;
    arena_init(&arena);
    const char *body = in->data + h.body, *end = in->data + in->len;
    SymTable *t = sym_read(body, end, 2, in->name, &arena);
    /* the AST text follows the line "ast" */
    const char *ast = body;
    while (ast < end && !(end - ast >= 4 && memcmp(ast, "ast\n", 4) == 0)) {
        const char *nl = memchr(ast, '\n', (size_t)(end - ast));
        ast = nl ? nl + 1 : end;
    }
    ast += 4;
    ls_write_header(out, LS_SYMTAB_FORMAT, LS_SYMTAB_VERSION, h.source);
    sym_write_tables(out, t);
    fputs("ast\n", out);
    fwrite(ast, 1, (size_t)(end - ast), out);
    if (end > ast && end[-1] != '\n')
        fputc('\n', out);
    ls_close_output(out);
    arena_free(&arena);
    free(h.source);
    ls_free_input(in);
    return LS_EXIT_OK;
}

int main(int argc, char **argv)
{
    ls_init("pysym");
    enum { OPT_VERSION = 256, OPT_TREE, OPT_CHECK };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {"tree", no_argument, NULL, OPT_TREE},
        {"check", no_argument, NULL, OPT_CHECK},
        {NULL, 0, NULL, 0},
    };
    const char *outpath = NULL;
    bool tree = false, check = false;
    int c;
    while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout);
            return LS_EXIT_OK;
        case OPT_VERSION:
            printf("pysym (pytools) %s\n", LS_VERSION);
            return LS_EXIT_OK;
        case OPT_TREE:
            tree = true;
            break;
        case OPT_CHECK:
            check = true;
            break;
        case 'o':
            outpath = optarg;
            break;
        default:
            usage(stderr);
            return LS_EXIT_USAGE;
        }
    }
    if (argc - optind > 1 || (tree && check)) {
        usage(stderr);
        return LS_EXIT_USAGE;
    }
    Input in;
    ls_read_input(optind < argc ? argv[optind] : NULL, &in);
    FILE *out = ls_open_output(outpath);
    if (check)
        return check_symtab(&in, out);
    Header h;
    ls_expect_header(&in, LS_AST_FORMAT, LS_AST_VERSION, "pyast", &h, out);

    Arena arena;
    arena_init(&arena);
    const char *body = in.data + h.body, *end = in.data + in.len;
    AstNode *mod = ast_read(body, end, 2, in.name, &arena);
    Diag d;
    SymTable *t = sym_build(mod, h.source, &arena, &d);
    if (!t) {
        char *text = source_line(h.source, d.lineno);
        d.text = text;
        ls_diag_report(out, &d);
    }
    if (tree) {
        sym_write_tree(out, t);
    } else {
        ls_write_header(out, LS_SYMTAB_FORMAT, LS_SYMTAB_VERSION, h.source);
        sym_write_tables(out, t);
        fputs("ast\n", out);
        fwrite(body, 1, (size_t)(end - body), out);
        if (end > body && end[-1] != '\n')
            fputc('\n', out);
    }
    ls_close_output(out);
    arena_free(&arena);
    free(h.source);
    ls_free_input(&in);
    return LS_EXIT_OK;
}
