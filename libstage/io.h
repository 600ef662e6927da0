/* libstage/io.h: reading a tool's input, writing its output, and the header
 * line that begins every textual format.
 *
 * Header line (formats/README.md):  "pyfmt FORMAT VERSION SOURCE\n"
 *   FORMAT   tokens | cst | ast | symtab | cfg | error
 *   VERSION  a decimal integer, the version of that format
 *   SOURCE   the rest of the line: the source file name as tracebacks show it
 *            ("prog.py", "<stdin>", "<string>")
 *
 * The error record travels down the pipe after a stage has printed a
 * SyntaxError: "pyfmt error 1 SOURCE\n" followed by the message text exactly
 * as printed.  A tool that reads an error record copies it to its output,
 * prints nothing, and exits 1.
 */
#ifndef LS_IO_H
#define LS_IO_H

#include <stdio.h>
#include "libstage/common.h"

typedef struct Input {
    char *data;          /* the whole input, NUL-terminated (may hold NULs) */
    size_t len;          /* its length in bytes */
    const char *path;    /* what was opened: a path, or "-" for stdin */
    const char *name;    /* for messages: the path, or "<stdin>" */
} Input;

/* Read all of FILE (NULL or "-": stdin).  Exits 2 with a message on error. */
void ls_read_input(const char *path, Input *in);
void ls_free_input(Input *in);

/* Open the output (NULL or "-": stdout), fully buffered. Exits 2 on error. */
FILE *ls_open_output(const char *path);
/* Flush and close; a write error (disk full, closed pipe) exits 2, except
 * EPIPE, which exits quietly with status 2 so a closed pipe is no crash. */
void ls_close_output(FILE *f);

typedef struct Header {
    char format[16];     /* "tokens", "ast", ... */
    int version;
    char *source;        /* malloc'd copy of the SOURCE field */
    size_t body;         /* byte offset of the first byte after the header */
} Header;

#define LS_HEADER_MAGIC "pyfmt "

/* Parse the header of in.  Returns false when the input does not start with
 * a header line at all.  Does not judge the format. */
bool ls_parse_header(const Input *in, Header *h);

/* What a stage does first: check that in holds FORMAT (version VERSION)
 * made by PRODUCER (the tool to run first, for the message).
 *  - an error record: copy it to out, exit 1 silently;
 *  - another format: "tool: NAME: got tokens, expected ast: run pyast first", exit 2;
 *  - no header / wrong version: a message, exit 2. */
void ls_expect_header(const Input *in, const char *format, int version,
                      const char *producer, Header *h, FILE *out);

void ls_write_header(FILE *out, const char *format, int version, const char *source);

/* Write the error record that follows a printed diagnostic. */
void ls_write_error_record(FILE *out, const char *source, const char *text);

/* Is the input an error record?  (For tools that read binary input.) */
bool ls_is_error_record(const char *data, size_t len);
/* Copy an error record to out, close out, exit 1. */
noreturn void ls_pass_error_record(const Input *in, FILE *out);

/* Line cursor over a buffer: sets *line and *len to the next line without its
 * '\n' and returns true, or returns false at the end.  A final line without
 * '\n' is still returned. */
typedef struct LineCursor {
    const char *p, *end;
    long lineno;         /* number of the line last returned, 1-based */
} LineCursor;

void ls_lines_init(LineCursor *c, const char *p, const char *end, long first_lineno);
bool ls_lines_next(LineCursor *c, const char **line, size_t *len);

/* Scan a decimal number of at most 100000000 at *p (before end) into *out
 * and advance *p past it; false (and *p unchanged) when there is none or it
 * is larger.  The text formats' positions and counts are read with it. */
bool ls_scan_uint(const char **p, const char *end, int *out);

#endif
