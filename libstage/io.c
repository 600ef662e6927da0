/* libstage/io.c: input, output, format header, error record. */
#include "libstage/io.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The buffer of the input being worked on.  Tools often exit (ls_die, an
 * error record) while it is live; holding it here keeps it reachable, so
 * LeakSanitizer does not report those exits as leaks. */
static char *live_input;

void ls_read_input(const char *path, Input *in)
{
    FILE *f = stdin;
    bool is_stdin = !path || strcmp(path, "-") == 0;
    in->path = is_stdin ? "-" : path;
    in->name = is_stdin ? "<stdin>" : path;
    if (!is_stdin) {
        f = fopen(path, "rb");
        if (!f)
            ls_die(LS_EXIT_USAGE, "%s: %s", path, strerror(errno));
        struct stat sb;
        if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
            fclose(f);
            ls_die(LS_EXIT_USAGE, "%s: %s", path, strerror(EISDIR));
        }
    }
    size_t cap = 1 << 16, len = 0;
    char *data = ls_xmalloc(cap);
    for (;;) {
        if (cap - len < 4096) {
            cap *= 2;
            data = ls_xrealloc(data, cap);
        }
        size_t n = fread(data + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        int err = errno;
        free(data);
        ls_die(LS_EXIT_USAGE, "%s: read error: %s", in->name, strerror(err));
    }
    if (!is_stdin)
        fclose(f);
    data[len] = '\0';
    live_input = data;
    in->data = data;
    in->len = len;
}

void ls_free_input(Input *in)
{
    if (in->data == live_input)
        live_input = NULL;
    free(in->data);
    in->data = NULL;
    in->len = 0;
}

FILE *ls_open_output(const char *path)
{
    FILE *f = stdout;
    if (path && strcmp(path, "-") != 0) {
        f = fopen(path, "wb");
        if (!f)
            ls_die(LS_EXIT_USAGE, "%s: %s", path, strerror(errno));
    }
    setvbuf(f, NULL, _IOFBF, 1 << 16);
    return f;
}

void ls_close_output(FILE *f)
{
    int bad = fflush(f) != 0 || ferror(f);
    int err = errno;
    if (f != stdout)
        bad |= fclose(f) != 0;
    if (bad) {
        if (err == EPIPE)
            exit(LS_EXIT_USAGE);
        ls_die(LS_EXIT_USAGE, "write error: %s", strerror(err));
    }
}

bool ls_parse_header(const Input *in, Header *h)
{
    memset(h, 0, sizeof *h);
    size_t m = strlen(LS_HEADER_MAGIC);
    if (in->len < m || memcmp(in->data, LS_HEADER_MAGIC, m) != 0)
        return false;
    const char *nl = memchr(in->data, '\n', in->len);
    if (!nl)
        return false;
    const char *p = in->data + m, *end = nl;
    size_t i = 0;
    while (p < end && *p != ' ' && i + 1 < sizeof h->format)
        h->format[i++] = *p++;
    h->format[i] = '\0';
    if (p >= end || *p != ' ' || i == 0)
        return false;
    p++;
    char *q;
    long v = strtol(p, &q, 10);
    if (q == p || q >= end || *q != ' ' || v < 0 || v > 1000000)
        return false;
    h->version = (int)v;
    p = q + 1;
    h->source = ls_xstrndup(p, (size_t)(end - p));
    h->body = (size_t)(nl + 1 - in->data);
    return true;
}

/* A short description of what the input looks like, for messages. */
static const char *describe(const Input *in, const Header *h, bool has_header)
{
    static char what[64];
    if (has_header) {
        snprintf(what, sizeof what, "%s", h->format);
        return what;
    }
    if (in->len == 0)
        return "empty input";
    if ((unsigned char)in->data[0] == 0x7f || (unsigned char)in->data[0] < 9)
        return "binary data";
    return "text without a pyfmt header";
}

void ls_expect_header(const Input *in, const char *format, int version,
                      const char *producer, Header *h, FILE *out)
{
    bool ok = ls_parse_header(in, h);
    if (ok && strcmp(h->format, "error") == 0)
        ls_pass_error_record(in, out);
    if (!ok || strcmp(h->format, format) != 0)
        ls_die(LS_EXIT_USAGE, "%s: got %s, expected %s: run %s first",
               in->name, describe(in, h, ok), format, producer);
    if (h->version != version)
        ls_die(LS_EXIT_USAGE, "%s: %s format version %d, expected version %d",
               in->name, format, h->version, version);
}

void ls_write_header(FILE *out, const char *format, int version, const char *source)
{
    fprintf(out, "%s%s %d %s\n", LS_HEADER_MAGIC, format, version, source);
}

void ls_write_error_record(FILE *out, const char *source, const char *text)
{
    ls_write_header(out, "error", 1, source);
    fputs(text, out);
    size_t n = strlen(text);
    if (n && text[n - 1] != '\n')
        fputc('\n', out);
}

bool ls_is_error_record(const char *data, size_t len)
{
    static const char m[] = LS_HEADER_MAGIC "error ";
    return len >= sizeof m - 1 && memcmp(data, m, sizeof m - 1) == 0;
}

noreturn void ls_pass_error_record(const Input *in, FILE *out)
{
    fwrite(in->data, 1, in->len, out);
    ls_close_output(out);
    exit(LS_EXIT_PYERR);
}

void ls_lines_init(LineCursor *c, const char *p, const char *end, long first_lineno)
{
    c->p = p;
    c->end = end;
    c->lineno = first_lineno - 1;
}

bool ls_lines_next(LineCursor *c, const char **line, size_t *len)
{
    if (c->p >= c->end)
        return false;
    const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
    const char *stop = nl ? nl : c->end;
    *line = c->p;
    *len = (size_t)(stop - c->p);
    c->p = nl ? nl + 1 : c->end;
    c->lineno++;
    return true;
}

bool ls_scan_uint(const char **p, const char *end, int *out)
{
    const char *q = *p;
    long v = 0;
    if (q >= end || *q < '0' || *q > '9')
        return false;
    while (q < end && *q >= '0' && *q <= '9') {
        v = v * 10 + (*q - '0');
        if (v > 100000000)
            return false;
        q++;
    }
    *out = (int)v;
    *p = q;
    return true;
}
