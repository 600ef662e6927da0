/* libstage/diag.c: SyntaxError, IndentationError and TabError printed as
 * CPython 3.11 prints them at top level (`python3 FILE`), and the error
 * record (io.h, format "error") that carries the same text down the pipe.
 *
 * The layout, as CPython's pythonrun.c produces it:
 *
 *       File "NAME", line N
 *         <source line, leading spaces/tabs/form feeds removed>
 *         <spaces>^^^
 *     TYPE: MESSAGE
 *
 * Quirks kept on purpose, because they are CPython's:
 *  - the caret column is a count of characters, but the clipping of the caret
 *    to the line's length uses its length in UTF-8 bytes;
 *  - when the error spans several lines, the carets run to the end of the
 *    first line (end_offset becomes the line's byte size, newline included);
 *  - no caret line at all when the caret would fall left of the stripped text;
 *  - the range (end_lineno, end_offset) counts for SyntaxError itself only:
 *    IndentationError and TabError get one caret.
 * An error without a line (lineno 0: "encoding problem: foo") is the last
 * line alone, as CPython prints a SyntaxError that carries no location.
 * Diag.text may end with the line's '\n' (as CPython's text does); without
 * one the line is taken to have had one, which only matters for the clip.
 */
#include "libstage/diag.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/io.h"

/* The source line and caret line of CPython's print_error_text(). */
static void format_text(Buf *b, const Diag *d)
{
    const char *text = d->text;
    long len = (long)strlen(text);
    bool has_nl = len > 0 && text[len - 1] == '\n';
    long line_size = has_nl ? len : len + 1; /* bytes, as CPython's text */
    long offset = d->offset > 0 ? d->offset : -1;
    long end_offset = d->end_offset > 0 ? d->end_offset : -1;
    int end_lineno = d->end_lineno;

    /* CPython reads the end of the range of a SyntaxError proper only: an
     * IndentationError or TabError always gets one caret */
    if (d->type && strcmp(d->type, "SyntaxError") != 0) {
        end_offset = -1;
        end_lineno = d->lineno;
    }
    if (end_lineno > d->lineno)
        end_offset = line_size;
    if (end_offset > line_size + 1)
        end_offset = line_size + 1;
    long carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;

    offset--;                           /* 1-based to 0-based */
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
        len--;
    }
    if (len > 0 && text[len - 1] == '\n')
        len--;
    if (offset > len)
        offset = len;

    buf_puts(b, "    ");
    buf_put(b, text, (size_t)len);
    buf_putc(b, '\n');
    if (offset < 0)
        return;
    buf_puts(b, "    ");
    while (--offset >= 0)
        buf_putc(b, ' ');
    while (carets-- > 0)
        buf_putc(b, '^');
    buf_putc(b, '\n');
}

char *ls_diag_format(const Diag *d)
{
    Buf b = BUF_INIT;
    if (d->lineno > 0) {
        buf_printf(&b, "  File \"%s\", line %d\n", d->filename ? d->filename : "<unknown>",
                   d->lineno);
        if (d->text)
            format_text(&b, d);
    }
    buf_puts(&b, d->type ? d->type : "SyntaxError");
    if (d->msg && *d->msg) {
        buf_puts(&b, ": ");
        buf_puts(&b, d->msg);
    }
    buf_putc(&b, '\n');
    return buf_take(&b);
}

noreturn void ls_diag_report(FILE *out, const Diag *d)
{
    char *text = ls_diag_format(d);
    fflush(stdout);
    fputs(text, stderr);
    fflush(stderr);
    if (out) {
        ls_write_error_record(out, d->filename ? d->filename : "<unknown>", text);
        ls_close_output(out);
    }
    free(text);
    exit(LS_EXIT_PYERR);
}
