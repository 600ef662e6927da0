/* cmd/pycfg/main.c: pycfg, the code generator stage.
 *
 * Reads format "symtab" (from pysym: symbol tables + AST), compiles every
 * code object into a control-flow graph (compile.c, fold.c, optimize.c) and
 * writes format "cfg" (formats/cfg.md) for pyasm, or Graphviz with --dot.
 * A SyntaxError this stage finds ("'return' outside function", ...) is
 * printed in CPython's layout and passed down the pipe (exit 1).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pycfg/compile.h"
#include "libstage/cfg.h"
#include "libstage/common.h"
#include "libstage/diag.h"
#include "libstage/io.h"
#include "libstage/symtab.h"

static const char usage_text[] =
    "usage: pycfg [-h] [--version] [-O LEVEL] [--dot] [-o FILE] [FILE]\n";

static void usage(FILE *f)
{
    fputs(usage_text, f);
    if (f == stdout)
        fputs("\n"
              "Read an AST with symbol tables (format symtab, from pysym) and write\n"
              "the control-flow graph of every code object (format cfg) for pyasm.\n"
              "\n"
              "  -h, --help     show this help and exit\n"
              "      --version  show the version and exit\n"
              "  -O LEVEL       0: no constant folding or peephole optimisation;\n"
              "                 1 (default): optimise as CPython 3.11 does\n"
              "      --dot      write Graphviz dot text instead of the cfg format\n"
              "  -o FILE        write to FILE instead of standard output\n",
              f);
}

/* Line lineno of the source file, for a SyntaxError's text (as CPython
 * reads it back from the file); NULL when it cannot be read. */
static char *source_line(const char *path, int lineno)
{
    if (lineno <= 0 || !path || !*path || path[0] == '<')
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = -1;
    for (int i = 0; i < lineno; i++)
        if ((n = getline(&line, &cap, f)) < 0)
            break;
    fclose(f);
    if (n < 0) {
        free(line);
        return NULL;
    }
    return line;
}

/* A SyntaxWarning as python3 shows it: "FILE:LINE: SyntaxWarning: MSG",
 * then the stripped source line when it can be read. */
static void print_warning(const char *filename, int lineno, const char *msg)
{
    fflush(stdout);
    fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", filename, lineno, msg);
    char *line = source_line(filename, lineno);
    if (line) {
        char *p = line, *e = line + strlen(line);
        while (*p == ' ' || *p == '\t' || *p == '\f')
            p++;
        while (e > p && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        fprintf(stderr, "  %.*s\n", (int)(e - p), p);
        free(line);
    }
}

int main(int argc, char **argv)
{
    ls_init("pycfg");
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"dot", no_argument, NULL, 'd'},
        {NULL, 0, NULL, 0},
    };
    const char *outpath = NULL;
    bool dot = false;
    CfgOptions opt = {1, print_warning};
    int ch;
    while ((ch = getopt_long(argc, argv, "hO:o:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h':
            usage(stdout);
            return LS_EXIT_OK;
        case 'V':
            printf("pycfg (pytools) %s\n", LS_VERSION);
            return LS_EXIT_OK;
        case 'd':
            dot = true;
            break;
        case 'O':
            if (strcmp(optarg, "0") == 0)
                opt.optimize = 0;
            else if (strcmp(optarg, "1") == 0)
                opt.optimize = 1;
            else {
                ls_warn("-O: expected 0 or 1, got '%s'", optarg);
                usage(stderr);
                return LS_EXIT_USAGE;
            }
            break;
        case 'o':
            outpath = optarg;
            break;
        default:
            usage(stderr);
            return LS_EXIT_USAGE;
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
    ls_expect_header(&in, LS_SYMTAB_FORMAT, LS_SYMTAB_VERSION, "pysym", &h, out);

    Arena arena;
    arena_init(&arena);
    SymTable *st = sym_read(in.data + h.body, in.data + in.len, 2, in.name, &arena);
    if (!st->ast)
        ls_die(LS_EXIT_USAGE, "%s: no AST after the symbol tables", in.name);
    Diag err;
    memset(&err, 0, sizeof err);
    CfgModule *m = cfg_compile(st->ast, st, h.source, &opt, &arena, &err);
    if (!m) {
        if (!err.type)
            ls_die(LS_EXIT_USAGE, "%s:%d: %s", h.source, err.lineno, err.msg);
        char *text = source_line(h.source, err.lineno);
        err.text = text;
        ls_diag_report(out, &err);
    }
    if (dot)
        cfg_write_dot(out, m);
    else
        cfg_write(out, m);
    ls_close_output(out);
    arena_free(&arena);
    free(h.source);
    ls_free_input(&in);
    return LS_EXIT_OK;
}
