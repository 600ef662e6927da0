/* cmd/pydis/main.c: pydis, the disassembler.
 *
 * Reads a binary code object (formats/code.md, from pyasm) and writes a
 * listing in CPython 3.11's `dis` layout, or with --show-code the metadata
 * as `dis.show_code`, or with --asm the CFG text (formats/cfg.md) that
 * pyasm assembles back into the same bytes.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include "cmd/pydis/dis.h"
#include "libstage/codeio.h"

#define USAGE "usage: pydis [-h] [--version] [--asm | --show-code] [-o FILE] [FILE]\n"

static Arena arena;   /* the code object (static: LSan sees it at exit) */

static noreturn void usage(FILE *f, int status)
{
    fputs(USAGE, f);
    if (f == stdout)
        fputs("Disassemble a binary code object (pyasm's output).\n"
              "  -a, --asm          write CFG text that pyasm turns back into the same bytes\n"
              "  -s, --show-code    print each code object's metadata (as dis.show_code)\n"
              "  -o, --output FILE  write to FILE instead of standard output\n"
              "  -h, --help         show this help\n"
              "      --version      show the version\n", f);
    exit(status);
}

int main(int argc, char **argv)
{
    ls_init("pydis");
    static const struct option longopts[] = {
        {"asm", no_argument, NULL, 'a'},
        {"show-code", no_argument, NULL, 's'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    const char *outpath = NULL;
    int mode = 0, ch;
    while ((ch = getopt_long(argc, argv, "aso:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'a':
        case 's':
            if (mode && mode != ch)
                usage(stderr, LS_EXIT_USAGE);
            mode = ch;
            break;
        case 'o': outpath = optarg; break;
        case 'h': usage(stdout, LS_EXIT_OK);
        case 'V': printf("pydis (pytools) %s\n", LS_VERSION); return LS_EXIT_OK;
        default: usage(stderr, LS_EXIT_USAGE);
        }
    }
    if (argc - optind > 1)
        usage(stderr, LS_EXIT_USAGE);
    Input in;
    ls_read_input(optind < argc ? argv[optind] : NULL, &in);
    if (ls_is_error_record(in.data, in.len)) {
        /* A failed compile upstream: pass the record on silently. */
        FILE *out = ls_open_output(outpath);
        ls_pass_error_record(&in, out);
    }
    if (!ls_code_is_binary(in.data, in.len)) {
        Header h;
        if (ls_parse_header(&in, &h))
            ls_die(LS_EXIT_USAGE, "%s: got %s, expected a binary code object: run pyasm first",
                   in.name, h.format);
        ls_die(LS_EXIT_USAGE,
               "%s: byte 0: not a binary code object (bad magic number): run pyasm first",
               in.name);
    }
    arena_init(&arena);
    char err[256];
    LsCode *co = ls_code_read(in.data, in.len, &arena, err, sizeof err);
    if (!co)
        ls_die(LS_EXIT_USAGE, "%s: %s", in.name, err);
    FILE *out = ls_open_output(outpath);
    if (mode == 'a')
        dis_asm(out, co);
    else if (mode == 's')
        dis_show_code(out, co);
    else
        dis_listing(out, co);
    ls_close_output(out);
    ls_free_input(&in);
    arena_free(&arena);
    return LS_EXIT_OK;
}
