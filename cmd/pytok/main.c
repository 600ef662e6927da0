/* cmd/pytok/main.c: pytok, the first stage: Python source -> tokens.
 *
 * Reads Python source (bytes, PEP 263 encodings), writes the format "tokens"
 * (formats/tokens.md): the header "pyfmt tokens 1 SOURCE", then one line per
 * token exactly as `python3 -m tokenize -e FILE` prints it.  On a
 * SyntaxError, prints it as CPython does and writes only an error record.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pytok/tokenizer.h"
#include "libstage/common.h"
#include "libstage/diag.h"
#include "libstage/io.h"
#include "libstage/tokens.h"

static const char usage_text[] =
    "usage: pytok [-h] [--version] [-o FILE] [-n NAME] [FILE]\n"
    "Tokenize Python 3.11 source FILE (or stdin) into the tokens format.\n"
    "\n"
    "  -o, --output FILE  write to FILE instead of stdout\n"
    "  -n, --name NAME    call the source NAME in the header and in messages\n"
    "                     (default: FILE, or <stdin>)\n"
    "  -h, --help         show this help and exit\n"
    "      --version      show the version and exit\n";

static void usage(FILE *f, int status)
{
    fputs(usage_text, f);
    exit(status);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"output", required_argument, NULL, 'o'},
        {"name", required_argument, NULL, 'n'},
        {NULL, 0, NULL, 0},
    };
    const char *outpath = NULL;
    const char *name = NULL;
    int c;

    ls_init("pytok");
    while ((c = getopt_long(argc, argv, "ho:n:", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout, LS_EXIT_OK);
            break;
        case 'V':
            printf("pytok (pytools) %s\n", LS_VERSION);
            return LS_EXIT_OK;
        case 'o':
            outpath = optarg;
            break;
        case 'n':
            name = optarg;
            break;
        default:
            usage(stderr, LS_EXIT_USAGE);
        }
    }
    if (argc - optind > 1)
        usage(stderr, LS_EXIT_USAGE);

    const char *path = optind < argc ? argv[optind] : NULL;
    Input in;
    ls_read_input(path, &in);
    if (name)
        in.name = name;

    Arena a;
    arena_init(&a);
    TokenList toks;
    Diag err;
    TokWarning *warnings = NULL;
    TokStatus st = tok_tokenize(in.data, in.len, in.name, &a, &toks, &err, &warnings);

    for (TokWarning *w = warnings; w; w = w->next) {
        const char *t = w->text;
        size_t n = strlen(t);
        while (*t == ' ' || *t == '\t' || *t == '\f') {
            t++;
            n--;
        }
        while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
            n--;
        /* CPython shows the line only when it can read the file again */
        fprintf(stderr, "%s:%d: %s: %s\n", in.name, w->lineno, w->category, w->msg);
        if (strcmp(in.path, "-") != 0)
            fprintf(stderr, "  %.*s\n", (int)n, t);
    }
    if (st == TOK_STATUS_UNSUPPORTED)
        ls_die(LS_EXIT_USAGE, "%s: %s", in.name, err.msg);

    FILE *out = ls_open_output(outpath);
    if (st == TOK_STATUS_ERROR)
        ls_diag_report(out, &err);

    ls_write_header(out, LS_TOKENS_FORMAT, LS_TOKENS_VERSION, in.name);
    for (size_t i = 0; i < toks.len; i++)
        tok_write(out, &toks.toks[i]);
    ls_close_output(out);

    free(toks.toks);
    arena_free(&a);
    ls_free_input(&in);
    return LS_EXIT_OK;
}
