/* cmd/pyasm/main.c: pyasm, the assembler stage.
 *
 * Reads CFG text (formats/cfg.md, from pycfg or `pydis --asm`), writes the
 * binary code object (formats/code.md) for pyvm and pydis.  Nothing is
 * written when the input is malformed: the whole object is built in memory
 * first.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include "cmd/pyasm/asm.h"
#include "libstage/codeio.h"
#include "libstage/io.h"

#define USAGE "usage: pyasm [-h] [--version] [-o FILE] [FILE]\n"

static Arena arena;   /* everything, freed at exit (static: LSan sees it) */

static noreturn void usage(FILE *f, int status)
{
    fputs(USAGE, f);
    if (f == stdout)
        fputs("Assemble CFG text (pycfg's output) into a binary code object.\n"
              "  -o, --output FILE  write to FILE instead of standard output\n"
              "  -h, --help         show this help\n"
              "      --version      show the version\n", f);
    exit(status);
}

int main(int argc, char **argv)
{
    ls_init("pyasm");
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    const char *outpath = NULL;
    int ch;
    while ((ch = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'o': outpath = optarg; break;
        case 'h': usage(stdout, LS_EXIT_OK);
        case 'V': printf("pyasm (pytools) %s\n", LS_VERSION); return LS_EXIT_OK;
        default: usage(stderr, LS_EXIT_USAGE);
        }
    }
    if (argc - optind > 1)
        usage(stderr, LS_EXIT_USAGE);
    Input in;
    ls_read_input(optind < argc ? argv[optind] : NULL, &in);
    if (ls_is_error_record(in.data, in.len)) {
        FILE *out = ls_open_output(outpath);
        ls_pass_error_record(&in, out);
    }
    if (ls_code_is_binary(in.data, in.len))
        ls_die(LS_EXIT_USAGE, "%s: got a binary code object, expected cfg: "
               "run pydis --asm first", in.name);
    Header h;
    ls_expect_header(&in, "cfg", 1, "pycfg", &h, stdout);
    arena_init(&arena);
    AsmFile *f = ls_cfg_read(&in, &h, &arena);
    asm_assemble(f, in.name, &arena);
    Buf b = BUF_INIT;
    ls_code_write(&b, f->module->code);
    FILE *out = ls_open_output(outpath);
    fwrite(b.data, 1, b.len, out);
    ls_close_output(out);
    buf_free(&b);
    free(h.source);
    ls_free_input(&in);
    arena_free(&arena);
    return LS_EXIT_OK;
}
