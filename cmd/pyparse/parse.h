/* cmd/pyparse/parse.h: the parser stage: tokens -> concrete syntax tree.
 *
 * A recursive-descent parser for the grammar in formats/grammar.txt (Python
 * 3.11's Grammar/python.gram with targets parsed as expressions and checked
 * afterwards).  It reads a TokenList (libstage/tokens.h) and builds a CstNode
 * tree (libstage/cst.h) in an arena.
 */
#ifndef PARSE_H
#define PARSE_H

#include "libstage/arena.h"
#include "libstage/cst.h"
#include "libstage/tokens.h"

/* A SyntaxError found by the parser. */
typedef struct ParseError {
    const char *type;     /* "SyntaxError", "IndentationError" */
    char msg[256];        /* CPython's message */
    int lineno, col;      /* 1-based line, 0-based column in characters
                           * (UTF-8 bytes while parsing); col -1: no caret */
    int end_lineno, end_col; /* end of the caret range; end_lineno 0: none */
    char *text;           /* the source line when known (malloc'd) or NULL */
    bool text_is_local;   /* text is an f-string field's "(expr)", not a file line */
} ParseError;

typedef struct ParseOptions {
    bool collapse;        /* build the tree without single-child chains */
    const char *source_text; /* the program's source, if available, or NULL */
    size_t source_len;
} ParseOptions;

/* Parse a whole module.  Returns the "file" node, or NULL with *err set. */
CstNode *parse_tokens(const TokenList *tl, Arena *a, const ParseOptions *opt,
                      ParseError *err);

#endif
