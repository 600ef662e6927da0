/* libstage/diag.h: SyntaxError-family diagnostics in CPython 3.11's layout.
 *
 * Every stage that finds an error in the program calls ls_diag_report(),
 * which prints, on stderr, exactly what `python3 FILE` prints:
 *
 *       File "x.py", line 1
 *         x = (1
 *             ^
 *     SyntaxError: '(' was never closed
 *
 * and writes the same text as an error record (io.h) on the stage's output,
 * so the rest of the pipeline exits 1 without printing it again.
 * IndentationError and TabError always get a single caret, as in CPython.
 */
#ifndef LS_DIAG_H
#define LS_DIAG_H

#include <stdio.h>
#include "libstage/common.h"

typedef struct Diag {
    const char *type;     /* "SyntaxError", "IndentationError", "TabError" */
    const char *msg;      /* "invalid syntax" */
    const char *filename; /* as in the header's SOURCE field */
    int lineno;           /* 1-based; 0: no "File" line, only the last line is printed */
    int offset;           /* 1-based column of the first caret, in characters; 0: no caret */
    int end_lineno;       /* 0 when unknown */
    int end_offset;       /* 1-based column one past the last caret; 0: one caret */
    const char *text;     /* the source line, UTF-8 (a trailing newline is allowed); NULL: none */
} Diag;

/* The text CPython prints for d, malloc'd. */
char *ls_diag_format(const Diag *d);

/* Print d on stderr and write the error record to out (the stage's output,
 * which is then closed).  Exits 1. */
noreturn void ls_diag_report(FILE *out, const Diag *d);

#endif
