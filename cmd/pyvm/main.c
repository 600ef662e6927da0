/* cmd/pyvm/main.c: pyvm: run a binary code object.
 *
 *     pyvm [options] FILE [ARG...]
 *
 * Stage: the virtual machine, last of the pipeline
 *     pytok | pyparse | pyast | pysym | pycfg | pyasm > x.pyc; pyvm x.pyc
 * reads: a binary code object (formats/code.md) via libstage/codeio.c, or
 *        an error record (which makes pyvm exit 1 silently);
 * writes: the program's output; an uncaught exception's traceback on
 *        stderr with exit status 1, as CPython 3.11.
 */
#include "cmd/pyvm/main.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libstage/codeio.h"
#include "libstage/io.h"
#include "cmd/pyvm/builtins.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/gc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/mod_atexit.h"
#include "cmd/pyvm/mod_thread.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

const char *vm_argv0;
char **vm_args;
int vm_nargs;
const char **vm_warnoptions;
int vm_nwarnoptions;
bool vm_sigpipe_was_default;

static const char usage_text[] =
    "usage: pyvm [-h] [--version] [--trace] [--gc-stress] [--argv0 NAME] [--unbuffered] "
    "[--warnoption ARG]... FILE [ARG...]\n";

static noreturn void usage(int status)
{
    fputs(usage_text, status ? stderr : stdout);
    if (!status)
        fputs("\nRun a binary code object (written by pyasm) as CPython 3.11 would.\n"
              "FILE '-' reads the code object from standard input.\n\n"
              "options:\n"
              "  -h, --help     show this help and exit\n"
              "  --version      show the version and exit\n"
              "  --trace        print every instruction and the value stack on stderr\n"
              "  --gc-stress    run the cycle collector at every container allocation\n"
              "  --argv0 NAME   sys.argv[0] (default: FILE)\n"
              "  --unbuffered   stdout unbuffered (python3 -u; also PYTHONUNBUFFERED)\n"
              "  --warnoption ARG  a warnings filter, as python3 -W ARG (repeatable)\n", stdout);
    exit(status);
}

/* What the input looks like, for the wrong-format message. */
static const char *describe(const Input *in)
{
    static char what[40];
    Header h;
    if (ls_parse_header(in, &h)) {
        snprintf(what, sizeof what, "%s", h.format);
        free(h.source);
        return what;
    }
    if (in->len == 0)
        return "empty input";
    return "data that is not a code object (byte 0: bad magic number)";
}

/* Catch SIGINT unless it is ignored (as CPython, which leaves SIG_IGN):
 * vm_signal_trip notes it, and the eval loop raises KeyboardInterrupt
 * (mod_signal.c). */
static void install_sigint(void)
{
    struct sigaction old, sa;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        return;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = vm_signal_trip;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

/* After an uncaught KeyboardInterrupt's traceback, die by SIGINT so the
 * parent sees the interrupt, as CPython 3.8+. */
static noreturn void die_by_sigint(void)
{
    fflush(stdout);
    fflush(stderr);
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
    _exit(130);
}

/* Exit status and message for an uncaught SystemExit, as CPython. */
static int system_exit(Obj *exc)
{
    ExcObj *e = (ExcObj *)exc;
    Obj *code = TUPLE_LEN(e->args) == 0 ? VM_NONE
        : TUPLE_LEN(e->args) == 1 ? TUPLE_ITEMS(e->args)[0] : e->args;
    if (code == VM_NONE)
        return 0;
    if (INT_CHECK(code)) {
        int64_t v;
        if (vm_int_as_i64(code, &v) < 0) {
            vm_err_clear();
            return -1 & 0xff;
        }
        return (int)(v & 0xff);
    }
    Obj *s = vm_str(code);
    fflush(stdout);
    if (s) {
        fprintf(stderr, "%s\n", STR_DATA(s));
        DECREF(s);
    } else {
        vm_err_clear();
    }
    return 1;
}

int main(int argc, char **argv)
{
    ls_init("pyvm");
    enum { OPT_VERSION = 256, OPT_TRACE, OPT_ARGV0, OPT_GC_STRESS, OPT_UNBUFFERED, OPT_WARN };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {"trace", no_argument, NULL, OPT_TRACE},
        {"gc-stress", no_argument, NULL, OPT_GC_STRESS},
        {"argv0", required_argument, NULL, OPT_ARGV0},
        {"unbuffered", no_argument, NULL, OPT_UNBUFFERED},
        {"warnoption", required_argument, NULL, OPT_WARN},
        {NULL, 0, NULL, 0},
    };
    int c;
    const char *argv0 = NULL;
    const char *unbuf_env = getenv("PYTHONUNBUFFERED");
    bool unbuffered = unbuf_env && *unbuf_env;
    while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h': usage(0);
        case OPT_VERSION:
            printf("pyvm (pytools) %s\n", LS_VERSION);
            return 0;
        case OPT_TRACE: vm_trace = true; break;
        case OPT_GC_STRESS: vm_gc_stress = true; break;
        case OPT_ARGV0: argv0 = optarg; break;
        case OPT_UNBUFFERED: unbuffered = true; break;
        case OPT_WARN:
            vm_warnoptions = ls_xrealloc(vm_warnoptions,
                                         (size_t)(vm_nwarnoptions + 1) * sizeof *vm_warnoptions);
            vm_warnoptions[vm_nwarnoptions++] = optarg;
            break;
        default: usage(LS_EXIT_USAGE);
        }
    }
    if (optind >= argc) {
        fputs("pyvm: missing FILE (the code object to run; '-' for standard input)\n", stderr);
        usage(LS_EXIT_USAGE);
    }
    const char *path = argv[optind];
    vm_argv0 = argv0 ? argv0 : path;
    vm_args = argv + optind + 1;
    vm_nargs = argc - optind - 1;

    Input in;
    ls_read_input(path, &in);
    /* pyrun hands the code over as --argv0 P /dev/fd/N: close N once read,
     * so the program's descriptors number as under CPython (and children
     * do not inherit it). */
    if (argv0 && strncmp(path, "/dev/fd/", 8) == 0 && atoi(path + 8) > 2)
        close(atoi(path + 8));
    if (ls_is_error_record(in.data, in.len)) {
        ls_free_input(&in);
        return LS_EXIT_PYERR;
    }
    if (!ls_code_is_binary(in.data, in.len))
        ls_die(LS_EXIT_USAGE, "%s: got %s, expected a code object: run pyasm first", in.name,
               describe(&in));
    Arena arena;
    arena_init(&arena);
    char err[256] = "";
    LsCode *lc = ls_code_read(in.data, in.len, &arena, err, sizeof err);
    if (!lc)
        ls_die(LS_EXIT_USAGE, "%s: %s", in.name, err);

    /* stdout as CPython buffers it: unbuffered with -u or
     * PYTHONUNBUFFERED, line by line to a terminal, else in big blocks */
    static char outbuf[1 << 16];
    if (unbuffered)
        setvbuf(stdout, NULL, _IONBF, 0);
    else
        setvbuf(stdout, outbuf, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF, sizeof outbuf);
    vm_types_init();
    VmCode *code = vm_code_load(lc, err, sizeof err);
    if (!code)
        ls_die(LS_EXIT_USAGE, "%s: %s", in.name, err);
    arena_free(&arena);
    ls_free_input(&in);

    /* imports: NAME.py beside the program; the tools beside pyvm */
    static char main_dir[4096], tool_dir[4096];
    const char *fn = STR_DATA(code->filename), *slash = strrchr(fn, '/');
    if (slash && (size_t)(slash - fn) < sizeof main_dir) {
        memcpy(main_dir, fn, (size_t)(slash - fn));
        main_dir[slash == fn ? 1 : slash - fn] = '\0';
        vm_main_dir = main_dir;
    } else if (fn[0] == '<') {
        vm_main_dir = "";   /* -c, stdin: sys.path[0] is '' as CPython's */
    }
    ssize_t n = readlink("/proc/self/exe", tool_dir, sizeof tool_dir - 1);
    if (n > 0) {
        tool_dir[n] = '\0';
        char *s = strrchr(tool_dir, '/');
        if (s) {
            *s = '\0';
            vm_tool_dir = tool_dir;
        }
    }

    vm_builtins = vm_builtins_new();
    /* sys.modules['__main__'] (module.c) */
    Obj *globals = vm_main_module_dict(code->filename);

    install_sigint();
    /* As CPython: a write to a closed pipe fails with EPIPE
     * (BrokenPipeError) instead of killing pyvm; subprocess restores the
     * default in its children (mod_posixsubprocess.c).  stdout keeps
     * dying quietly (main.h). */
    struct sigaction pipe_sa;
    vm_sigpipe_was_default = sigaction(SIGPIPE, NULL, &pipe_sa) == 0
        && pipe_sa.sa_handler == SIG_DFL;
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    Obj *r = vm_run_module(code, globals);
    int status = 0;
    bool interrupted = false;
    if (r) {
        DECREF(r);
    } else {
        Obj *exc = vm_err_fetch();
        if (vm_is_subtype(TYPE(exc), &vm_exc_SystemExit))
            status = system_exit(exc);
        else {
            interrupted = vm_is_subtype(TYPE(exc), &vm_exc_KeyboardInterrupt);
            vm_print_exception(exc);
            status = LS_EXIT_PYERR;
        }
        DECREF(exc);
    }
    vm_thread_shutdown();   /* join the non-daemon threads (mod_thread.c) */
    vm_atexit_run();    /* atexit callbacks (mod_atexit.c) */
    vm_gc_at_exit();    /* finalizers of what is left (gc.c) */
    if (vm_sigpipe_was_default)
        signal(SIGPIPE, SIG_DFL);   /* a closed stdout ends pyvm quietly */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                "encoding='utf-8'>\nBrokenPipeError: [Errno 32] Broken pipe\n");
        status = 120;
    }
    if (interrupted)
        die_by_sigint();
    DECREF(code);
    return status;
}
