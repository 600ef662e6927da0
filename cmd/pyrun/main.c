/* cmd/pyrun/main.c: pyrun, the driver: run a Python program.
 *
 * Compiles the program in-process (libstage/front.h: the stages pytok ..
 * pyasm as libraries, no text formats in between), writes the code object
 * (formats/code.md) to an anonymous file and execs the sibling pyvm on it
 * through an inherited descriptor, so the program's own stdin stays free
 * for input().  Exit status: the program's (as python3), 1 after a
 * SyntaxError, 2 for usage or I/O errors.
 *
 * `pyrun --compile-only` compiles without running: each FILE to a code
 * object (-o OUT for one file), or just checks them; --stats prints each
 * stage's CPU time and throughput (bench/frontend.sh uses it).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "libstage/buf.h"
#include "libstage/codeio.h"
#include "libstage/common.h"
#include "libstage/front.h"

static const char usage_text[] =
    "usage: pyrun [-h] [--version] [-u] [-W ARG] [-c CODE | -m MODULE | FILE | -] [ARG ...]\n"
    "       pyrun --compile-only [--stats] [--mode MODE] [-o OUT] FILE...\n";

static void usage(FILE *f)
{
    fputs(usage_text, f);
    if (f == stdout)
        fputs("Run a Python 3.11 program: FILE, the string CODE (-c), or stdin.\n"
              "  -c CODE           run CODE (sys.argv[0] is '-c')\n"
              "  -m MODULE         run library module MODULE as a script (runpy)\n"
              "  -u                unbuffered stdout (as python3 -u)\n"
              "  -W ARG            a warnings filter (as python3 -W; repeatable)\n"
              "  -                 read the program from stdin\n"
              "  --compile-only    compile each FILE without running it\n"
              "  -o OUT            (with --compile-only, one FILE) write the code object\n"
              "  --stats           (with --compile-only) per-stage CPU time and MB/s\n"
              "  --mode MODE       (with --compile-only) exec (default), eval or single\n"
              "  -h, --help        show this help\n"
              "      --version     show the version\n", f);
}

/* The whole of fd into a malloc'd buffer; false with errno on failure. */
static bool read_all(int fd, char **data, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *s = ls_xmalloc(cap);
    for (;;) {
        if (n == cap)
            s = ls_xrealloc(s, cap *= 2);
        ssize_t k = read(fd, s + n, cap - n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            free(s);
            return false;
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    *data = s;
    *len = n;
    return true;
}

/* CPython's "[Errno N] strerror" for the errors opening a script gives. */
static void cant_open(const char *name, int err)
{
    fflush(stdout);
    fprintf(stderr, "pyrun: can't open file '%s': [Errno %d] %s\n", name, err, strerror(err));
    exit(LS_EXIT_USAGE);
}

/* Read the script at path (named name in messages) or exit as python3. */
static void read_script(const char *path, const char *name, char **data, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        cant_open(name, errno);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
        cant_open(name, EISDIR);
    if (!read_all(fd, data, len))
        cant_open(name, errno);
    close(fd);
}

/* Is path a directory or a zip file (one that ends with a zip
 * end-of-central-directory record)? */
static bool is_package_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    bool pkg = S_ISDIR(st.st_mode);
    if (!pkg && S_ISREG(st.st_mode) && st.st_size >= 22) {
        int fd = open(path, O_RDONLY);
        if (fd < 0)
            return false;
        off_t tail = st.st_size < 65557 ? st.st_size : 65557;
        char *buf = ls_xmalloc((size_t)tail);
        ssize_t n = pread(fd, buf, (size_t)tail, st.st_size - tail);
        for (ssize_t i = n - 22; i >= 0 && !pkg; i--) {
            if (memcmp(buf + i, "PK\5\6", 4) != 0)
                continue;
            /* the central directory (entries, size) ends where this
             * record starts, and begins with its own signature */
            const unsigned char *e = (const unsigned char *)buf + i;
            unsigned entries = e[10] | (unsigned)e[11] << 8;
            uint32_t size = e[12] | (uint32_t)e[13] << 8 | (uint32_t)e[14] << 16
                | (uint32_t)e[15] << 24;
            off_t at = st.st_size - tail + i - (off_t)size;
            char sig[4];
            pkg = entries == 0 ? size == 0
                : at >= 0 && pread(fd, sig, 4, at) == 4 && memcmp(sig, "PK\1\2", 4) == 0;
        }
        close(fd);
        free(buf);
    }
    return pkg;
}

/* The directory this program lives in (to find pyvm), malloc'd. */
static char *bindir(const char *argv0)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    const char *p = NULL;
    if (n > 0) {
        buf[n] = '\0';
        p = buf;
    } else if (strchr(argv0, '/')) {
        p = argv0;
    } else {
        /* no /proc: look argv0 up in $PATH, as the shell found it */
        const char *path = getenv("PATH");
        while (path && *path) {
            const char *colon = strchr(path, ':');
            size_t n = colon ? (size_t)(colon - path) : strlen(path);
            snprintf(buf, sizeof buf, "%.*s/%s", (int)n, path, argv0);
            if (n > 0 && access(buf, X_OK) == 0) {
                p = buf;
                break;
            }
            path = colon ? colon + 1 : NULL;
        }
    }
    if (!p)
        return ls_xstrdup(".");
    const char *slash = strrchr(p, '/');
    return slash == p ? ls_xstrdup("/") : ls_xstrndup(p, (size_t)(slash - p));
}

/* An unlinked file holding data, positioned at 0; its descriptor. */
static int anon_file(const void *data, size_t len)
{
    int fd = -1;
#ifdef SYS_memfd_create
    fd = (int)syscall(SYS_memfd_create, "pyrun-code", 0);
#endif
    if (fd < 0) {
        const char *tmp = getenv("TMPDIR");
        char path[4096];
        snprintf(path, sizeof path, "%s/pyrun.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        fd = mkstemp(path);
        if (fd < 0)
            ls_die(LS_EXIT_USAGE, "cannot create a temporary file: %s", strerror(errno));
        unlink(path);
    }
    const char *p = data;
    while (len > 0) {
        ssize_t k = write(fd, p, len);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            ls_die(LS_EXIT_USAGE, "cannot write the code object: %s", strerror(errno));
        }
        p += k;
        len -= (size_t)k;
    }
    if (lseek(fd, 0, SEEK_SET) != 0)
        ls_die(LS_EXIT_USAGE, "cannot rewind the code object: %s", strerror(errno));
    return fd;
}

/* Print a compile error as the pipeline does; returns its exit status. */
static int report(const LsSyntaxError *err)
{
    char *text = ls_front_format(err);
    fflush(stdout);
    fputs(text, stderr);
    free(text);
    return err->status ? err->status : LS_EXIT_PYERR;
}

/* --compile-only FILE...: 0, or the worst status of the files. */
static int compile_only(int nfiles, char **files, const char *outpath, bool stats, LsMode mode)
{
    if (outpath && nfiles != 1) {
        ls_warn("-o needs exactly one FILE");
        usage(stderr);
        return LS_EXIT_USAGE;
    }
    LsFrontStats fs;
    memset(&fs, 0, sizeof fs);
    LsCompileOptions opt = {1, ls_front_print_warning, NULL, stats ? &fs : NULL, false};
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        char *src;
        size_t len;
        int fd = open(files[i], O_RDONLY);
        if (fd < 0 || !read_all(fd, &src, &len)) {
            ls_warn("%s: %s", files[i], strerror(errno));
            if (fd >= 0)
                close(fd);
            status = LS_EXIT_USAGE;
            continue;
        }
        close(fd);
        Arena a;
        arena_init(&a);
        LsSyntaxError err;
        LsCode *code = ls_compile_ex(src, len, files[i], mode, &opt, &a, &err);
        if (!code) {
            int st = report(&err);
            if (st > status)
                status = st;
        } else if (outpath) {
            Buf b = BUF_INIT;
            ls_code_write(&b, code);
            FILE *out = strcmp(outpath, "-") == 0 ? stdout : fopen(outpath, "wb");
            if (!out)
                ls_die(LS_EXIT_USAGE, "%s: %s", outpath, strerror(errno));
            fwrite(b.data, 1, b.len, out);
            if (fflush(out) != 0 || ferror(out) || (out != stdout && fclose(out) != 0))
                ls_die(LS_EXIT_USAGE, "%s: write error", outpath);
            buf_free(&b);
        }
        arena_free(&a);
        free(src);
    }
    if (stats) {
        static const char *const names[] = LS_FRONT_STAGE_NAMES;
        double total = 0, mb = fs.bytes / 1e6;
        printf("files %ld, %.3f MB\n", fs.files, mb);
        for (int i = 0; i < 6; i++) {
            total += fs.secs[i];
            printf("%-9s %8.3f s %9.2f MB/s\n", names[i], fs.secs[i],
                   fs.secs[i] > 0 ? mb / fs.secs[i] : 0.0);
        }
        printf("%-9s %8.3f s %9.2f MB/s\n", "total", total, total > 0 ? mb / total : 0.0);
    }
    return status;
}

int main(int argc, char **argv)
{
    ls_init("pyrun");
    /* python3's options before the program: -u (stdout unbuffered: pyvm
     * --unbuffered) and -W ARG (a warnings filter: pyvm --warnoption) */
    bool unbuffered = false;
    const char **warnopts = ls_xmalloc((size_t)argc * sizeof *warnopts);
    int nwarn = 0;
    for (;;) {
        int used = 0;
        if (argc > 1 && strcmp(argv[1], "-u") == 0) {
            unbuffered = true;
            used = 1;
        } else if (argc > 1 && strncmp(argv[1], "-W", 2) == 0) {
            if (argv[1][2]) {
                warnopts[nwarn++] = argv[1] + 2;
                used = 1;
            } else if (argc > 2) {
                warnopts[nwarn++] = argv[2];
                used = 2;
            } else {
                fputs("Argument expected for the -W option\n", stderr);
                usage(stderr);
                return LS_EXIT_USAGE;
            }
        }
        if (!used)
            break;
        argv[used] = argv[0];
        argv += used;
        argc -= used;
    }
    const char *a1 = argc > 1 ? argv[1] : NULL;
    int argi = 1;                   /* first program argument */
    const char *argv0 = "", *name = "<stdin>", *path = NULL;
    const char *code = NULL, *module = NULL;
    char *absname = NULL;

    if (a1 && (strcmp(a1, "-h") == 0 || strcmp(a1, "--help") == 0)) {
        usage(stdout);
        return LS_EXIT_OK;
    }
    if (a1 && strcmp(a1, "--version") == 0) {
        printf("pyrun (pytools) %s\n", LS_VERSION);
        return LS_EXIT_OK;
    }
    if (a1 && strcmp(a1, "--compile-only") == 0) {
        const char *outpath = NULL;
        bool stats = false;
        LsMode mode = LS_MODE_EXEC;
        int i = 2;
        for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
            if (strcmp(argv[i], "--stats") == 0) {
                stats = true;
            } else if (strcmp(argv[i], "--mode") == 0 && i + 1 < argc) {
                const char *m = argv[++i];
                if (strcmp(m, "exec") == 0)
                    mode = LS_MODE_EXEC;
                else if (strcmp(m, "eval") == 0)
                    mode = LS_MODE_EVAL;
                else if (strcmp(m, "single") == 0)
                    mode = LS_MODE_SINGLE;
                else {
                    fprintf(stderr, "pyrun: --mode: expected exec, eval or single, got '%s'\n", m);
                    usage(stderr);
                    return LS_EXIT_USAGE;
                }
            } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
                outpath = argv[++i];
            } else if (strcmp(argv[i], "--") == 0) {
                i++;
                break;
            } else {
                fprintf(stderr, "pyrun: unknown option: %s\n", argv[i]);
                usage(stderr);
                return LS_EXIT_USAGE;
            }
        }
        return compile_only(argc - i, argv + i, outpath, stats, mode);
    }
    if (a1 && strcmp(a1, "-c") == 0) {
        if (argc < 3) {
            fputs("Argument expected for the -c option\n", stderr);
            usage(stderr);
            return LS_EXIT_USAGE;
        }
        code = argv[2];
        argi = 3;
        argv0 = "-c";
        name = "<string>";
    } else if (a1 && strncmp(a1, "-m", 2) == 0) {
        /* -m MODULE or -mMODULE: run the module as __main__ by runpy, as
         * CPython does; sys.path[0] is the working directory */
        module = a1[2] ? a1 + 2 : argc > 2 ? argv[2] : NULL;
        if (!module) {
            fputs("Argument expected for the -m option\n", stderr);
            usage(stderr);
            return LS_EXIT_USAGE;
        }
        argi = a1[2] ? 2 : 3;
        argv0 = "-m";
        name = "<frozen pyrun -m>";     /* a hidden frame (pyvm exc.c) */
    } else if (a1 && strcmp(a1, "-") == 0) {
        argi = 2;
        argv0 = "-";
    } else if (a1 && a1[0] == '-') {
        fprintf(stderr, "pyrun: unknown option: %s\n", a1);
        usage(stderr);
        return LS_EXIT_USAGE;
    } else if (a1 && a1[0]) {
        path = a1;
        argi = 2;
        argv0 = a1;
        /* CPython names the main script by its absolute path. */
        if (path[0] == '/') {
            name = path;
        } else {
            char cwd[4096];
            const char *pwd = getenv("PWD");
            struct stat s1, s2;
            /* $PWD when it is this directory (keeps symlinked names), as sh's pwd */
            if (pwd && pwd[0] == '/' && stat(pwd, &s1) == 0 && stat(".", &s2) == 0
                && s1.st_dev == s2.st_dev && s1.st_ino == s2.st_ino)
                snprintf(cwd, sizeof cwd, "%s", pwd);
            else if (!getcwd(cwd, sizeof cwd))
                snprintf(cwd, sizeof cwd, ".");
            size_t n = strlen(cwd) + strlen(path) + 2;
            absname = ls_xmalloc(n);
            snprintf(absname, n, "%s/%s", cwd, path);
            name = absname;
        }
    } else if (a1) {
        argi = 2;                   /* pyrun '' ARGS: stdin, like no FILE */
    }

    char *src;
    size_t len;
    if (code) {
        len = strlen(code);
        src = ls_xmalloc(len + 2);
        memcpy(src, code, len);
        src[len++] = '\n';
        src[len] = '\0';
    } else if (module) {
        /* the module name goes in as a str literal: only a dotted name is
         * passed on (anything else is a name runpy cannot find anyway) */
        Buf boot = BUF_INIT;
        buf_puts(&boot, "__import__('sys').path.__setitem__(0, __import__('os').getcwd())\n"
                        "__import__('runpy')._run_module_as_main('");
        for (const char *c = module; *c; c++)
            if (*c == '\\' || *c == '\'' || (unsigned char)*c < ' ')
                buf_printf(&boot, "\\x%02x", (unsigned char)*c);
            else
                buf_putc(&boot, *c);
        buf_puts(&boot, "')\n");
        len = boot.len;
        src = ls_xmalloc(len + 1);
        memcpy(src, boot.data, len);
        src[len] = '\0';
        buf_free(&boot);
    } else if (path && is_package_path(path)) {
        /* a directory or zip file with __main__.py: as CPython, runpy runs
         * the module __main__ found there, with the directory (zip file,
         * by its absolute name) first on sys.path */
        Buf boot = BUF_INIT;
        buf_puts(&boot, "__import__('sys').path.__setitem__(0, '");
        for (const char *c = name; *c; c++)
            if (*c == '\\' || *c == '\'' || (unsigned char)*c < ' ')
                buf_printf(&boot, "\\x%02x", (unsigned char)*c);
            else
                buf_putc(&boot, *c);
        buf_puts(&boot, "')\n__import__('runpy')._run_module_as_main('__main__', False)\n");
        len = boot.len;
        src = ls_xmalloc(len + 1);
        memcpy(src, boot.data, len);
        src[len] = '\0';
        buf_free(&boot);
        name = "<frozen pyrun>";        /* a hidden frame (pyvm exc.c) */
    } else if (path) {
        read_script(path, name, &src, &len);
    } else if (argi == 1 && isatty(STDIN_FILENO)) {
        /* no program and a terminal: the interactive interpreter, by the
         * code module (no line editing), with site's help() and friends */
        static const char repl[] =
            "exec(compile(r'''\n"
            "import builtins, sys, _sitebuiltins, code\n"
            "builtins.help = _sitebuiltins._Helper()\n"
            "builtins.copyright = _sitebuiltins._Printer('copyright', sys.copyright)\n"
            "builtins.credits = _sitebuiltins._Printer('credits', '    Thanks to CWI, CNRI, "
            "BeOpen.com, Zope Corporation and a cast of thousands\\n    for supporting Python "
            "development.  See www.python.org for more information.')\n"
            "builtins.license = _sitebuiltins._Printer('license', "
            "'See https://www.python.org/psf/license/')\n"
            "sys.ps1, sys.ps2 = '>>> ', '... '\n"
            "code.interact(banner='Python %s on %s\\nType \"help\", \"copyright\", "
            "\"credits\" or \"license\" for more information.' % (sys.version, sys.platform), "
            "local=sys.modules['__main__'].__dict__, exitmsg='')\n"
            "''', '<frozen pyrun repl>', 'exec'), {})\n";
        len = sizeof repl - 1;
        src = ls_xmalloc(len + 1);
        memcpy(src, repl, len + 1);
        name = "<frozen pyrun repl>";
    } else if (!read_all(0, &src, &len)) {
        ls_die(LS_EXIT_USAGE, "<stdin>: %s", strerror(errno));
    }

    Arena a;
    arena_init(&a);
    LsSyntaxError err;
    /* -c CODE is a str to python3: a coding cookie in it does not apply */
    LsCompileOptions opt = {1, ls_front_print_warning, NULL, NULL, code != NULL};
    LsCode *co = ls_compile_ex(src, len, name, LS_MODE_EXEC, &opt, &a, &err);
    if (!co) {
        int st = report(&err);
        arena_free(&a);
        free(src);
        free(absname);
        return st;
    }
    Buf b = BUF_INIT;
    ls_code_write(&b, co);
    int fd = anon_file(b.data, b.len);
    buf_free(&b);
    arena_free(&a);
    free(src);

    char *dir = bindir(argv[0]);
    size_t n = strlen(dir) + 16;
    char *vm = ls_xmalloc(n);
    snprintf(vm, n, "%s/pyvm", dir);
    char fdpath[32];
    snprintf(fdpath, sizeof fdpath, "/dev/fd/%d", fd);
    int nargs = argc - argi;
    char **av = ls_xmalloc(((size_t)nargs + 2 * (size_t)nwarn + 6) * sizeof *av);
    int k = 0;
    av[k++] = vm;
    if (unbuffered)
        av[k++] = "--unbuffered";
    for (int i = 0; i < nwarn; i++) {
        av[k++] = "--warnoption";
        av[k++] = (char *)warnopts[i];
    }
    av[k++] = "--argv0";
    av[k++] = (char *)argv0;
    av[k++] = fdpath;
    for (int i = argi; i < argc; i++)
        av[k++] = argv[i];
    av[k] = NULL;
    fflush(stdout);
    execv(vm, av);
    ls_die(LS_EXIT_USAGE, "cannot run %s: %s", vm, strerror(errno));
}
