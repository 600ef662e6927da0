/* cmd/pytok/tokenizer.h: the tokenizer stage, Python source -> tokens.
 *
 * Reads Python 3.11 source bytes (PEP 263 encodings, UTF-8 BOM) and produces
 * the token list that `python3 -m tokenize -e` prints, or the SyntaxError
 * (IndentationError, TabError) that CPython's own C tokenizer raises for
 * the same bytes.  A library-like module: pytok's main.c calls it, and so
 * may any tool that needs to tokenize source (pyvm for import/compile).
 */
#ifndef TOK_TOKENIZER_H
#define TOK_TOKENIZER_H

#include <stddef.h>

#include "libstage/arena.h"
#include "libstage/diag.h"
#include "libstage/tokens.h"

typedef enum TokStatus {
    TOK_STATUS_OK = 0,     /* out holds the tokens, ENCODING .. ENDMARKER */
    TOK_STATUS_ERROR,      /* err holds CPython's SyntaxError (exit 1) */
    TOK_STATUS_UNSUPPORTED /* err->msg says what is not supported yet (exit 2) */
} TokStatus;

/* A warning CPython's tokenizer prints without failing (SyntaxWarning for
 * "1if x else y").  Chained, oldest first. */
typedef struct TokWarning {
    const char *category;    /* "SyntaxWarning" */
    const char *msg;         /* "invalid decimal literal" */
    int lineno;              /* 1-based line of the warning */
    const char *text;        /* that source line, without its newline */
    struct TokWarning *next; /* the next warning, or NULL */
} TokWarning;

/* Tokenize len bytes at src (need not be NUL-terminated; not kept).
 * filename is used in messages ("x.py", "<stdin>") and kept.  Token
 * strings, err's fields and the warnings are allocated from a; out->toks is
 * malloc'd (free() it).  warnings may be NULL. */
TokStatus tok_tokenize(const char *src, size_t len, const char *filename, Arena *a,
                       TokenList *out, Diag *err, TokWarning **warnings);

/* The same for source that is already text (compile() of a str): UTF-8,
 * and a PEP 263 coding cookie in it is not applied. */
TokStatus tok_tokenize_text(const char *src, size_t len, const char *filename, Arena *a,
                            TokenList *out, Diag *err, TokWarning **warnings);

#endif
