/* libstage/tokens.h: the token stream (format "tokens", formats/tokens.md).
 *
 * pytok writes it; pyparse reads it.  The body is exactly what CPython's
 * `python3 -m tokenize -e FILE` prints: one token per line,
 *     "L,C-EL,EC:" padded to 20, TYPE padded to 15, repr(string) padded to 15
 * where columns count characters (code points), as tokenize does.
 */
#ifndef LS_TOKENS_H
#define LS_TOKENS_H

#include <stddef.h>
#include <stdio.h>
#include "libstage/arena.h"
#include "libstage/io.h"

#define LS_TOKENS_FORMAT "tokens"
#define LS_TOKENS_VERSION 1

typedef enum TokType {
#define TOK(name, str) TOK_##name,
#include "libstage/tokens.def"
#undef TOK
    TOK_NTYPES
} TokType;

extern const char *const tok_type_names[TOK_NTYPES];  /* "NAME", "LPAR", ... */
extern const char *const tok_type_strings[TOK_NTYPES]; /* "(" for LPAR; NULL for NAME */

/* The exact operator type for an operator string ("**=" -> TOK_DOUBLESTAREQUAL),
 * or TOK_OP when it is none. */
TokType tok_exact_type(const char *s, size_t len);
/* The type with this name, or TOK_NTYPES. */
TokType tok_type_by_name(const char *s, size_t len);

typedef struct Token {
    TokType type;         /* exact type: LPAR, not OP */
    const char *str;      /* the token's text, UTF-8, NUL-terminated */
    size_t len;           /* its length in bytes */
    int lineno, col;      /* start: 1-based line, 0-based column in characters */
    int end_lineno, end_col;  /* end, same units */
} Token;

typedef struct TokenList {
    Token *toks;
    size_t len, cap;
    const char *source;   /* source name from the header */
    const char *encoding; /* the ENCODING token's string */
    const char *text;     /* tok_tokenize only: the source as UTF-8 (decoded
                             by its PEP 263 encoding, BOM dropped), in the
                             arena or inside the caller's buffer; NULL after
                             an encoding error */
    size_t text_len;      /* its length in bytes */
} TokenList;

/* Write one token line exactly as `python3 -m tokenize -e` does. */
void tok_write(FILE *out, const Token *t);

/* Read a token stream (after ls_expect_header) into list, allocating from a.
 * On malformed input: "pyparse: NAME:LINE: message", exit 2.  Checks that the
 * stream ends with ENDMARKER (so truncation is caught). */
void tok_read(const Input *in, size_t body, Arena *a, TokenList *list);

#endif
