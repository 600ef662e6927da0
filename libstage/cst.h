/* libstage/cst.h: the concrete syntax tree (format "cst", formats/cst.md).
 *
 * pyparse builds it from the token stream and writes it; pyast reads it and
 * builds the AST from it.  One interior node per application of a rule of
 * formats/grammar.txt (named after CPython 3.11's Grammar/python.gram), one
 * leaf per non-trivia token, in source order.
 *
 * Text form (version 1), after the header "pyfmt cst 1 SOURCE":
 *     one line per node, depth given by one space of indentation per level;
 *     an interior node is its rule name:          "  sum"
 *     a leaf is TYPE repr(text) L,C-EL,EC:        "   NUMBER '1' 1,0-1,1"
 *     (columns in UTF-8 bytes, as the AST counts them);
 *     the last line is "%end N" with N the number of node lines before it.
 */
#ifndef LS_CST_H
#define LS_CST_H

#include <stdio.h>
#include "libstage/arena.h"
#include "libstage/buf.h"
#include "libstage/io.h"
#include "libstage/tokens.h"

#define LS_CST_FORMAT "cst"
#define LS_CST_VERSION 1
/* Deepest tree a reader takes (pyparse's trees stay far below: its rule
 * nesting stops at CPython's limits). */
#define CST_MAX_DEPTH 30000

/* The rules of formats/grammar.txt that appear as nodes, in one list. */
#define CST_RULES(X) \
    X(file) X(statements) X(statement) X(simple_stmts) X(simple_stmt) \
    X(compound_stmt) X(block) X(assignment) X(augassign) X(annotated_rhs) \
    X(return_stmt) X(raise_stmt) X(global_stmt) X(nonlocal_stmt) \
    X(del_stmt) X(del_targets) X(del_target) X(yield_stmt) X(assert_stmt) \
    X(import_stmt) X(import_name) X(import_from) X(import_from_targets) \
    X(import_from_as_names) X(import_from_as_name) X(dotted_as_names) \
    X(dotted_as_name) X(dotted_name) X(decorators) X(decorator) \
    X(class_def) X(class_def_raw) X(function_def) X(function_def_raw) \
    X(params) X(parameters) X(slash_no_default) X(slash_with_default) \
    X(star_etc) X(kwds) X(param_no_default) X(param_with_default) \
    X(param_maybe_default) X(param) X(param_star_annotation) \
    X(annotation) X(star_annotation) X(default) X(if_stmt) X(elif_stmt) \
    X(else_block) X(while_stmt) X(for_stmt) X(with_stmt) X(with_item) \
    X(try_stmt) X(except_block) X(except_star_block) X(finally_block) \
    X(match_stmt) X(subject_expr) X(case_block) X(guard) X(patterns) \
    X(as_pattern) X(or_pattern) X(literal_pattern) X(signed_number) \
    X(complex_number) X(capture_pattern) X(wildcard_pattern) \
    X(value_pattern) X(attr) X(group_pattern) X(sequence_pattern) \
    X(maybe_sequence_pattern) X(maybe_star_pattern) X(star_pattern) \
    X(mapping_pattern) X(items_pattern) X(key_value_pattern) \
    X(double_star_pattern) X(class_pattern) X(positional_patterns) \
    X(keyword_patterns) X(keyword_pattern) \
    X(expressions) X(expression) X(yield_expr) X(star_expressions) \
    X(star_expression) X(star_named_expressions) X(star_named_expression) \
    X(assignment_expression) X(named_expression) X(disjunction) \
    X(conjunction) X(inversion) X(comparison) X(compare_op_bitwise_or_pair) \
    X(eq_bitwise_or) X(noteq_bitwise_or) X(lte_bitwise_or) X(lt_bitwise_or) \
    X(gte_bitwise_or) X(gt_bitwise_or) X(notin_bitwise_or) X(in_bitwise_or) \
    X(isnot_bitwise_or) X(is_bitwise_or) X(bitwise_or) X(bitwise_xor) \
    X(bitwise_and) X(shift_expr) X(sum) X(term) X(factor) X(power) \
    X(await_primary) X(primary) X(slices) X(slice) X(atom) X(group) \
    X(lambdef) X(lambda_params) X(lambda_parameters) \
    X(lambda_slash_no_default) X(lambda_slash_with_default) \
    X(lambda_star_etc) X(lambda_kwds) X(lambda_param_no_default) \
    X(lambda_param_with_default) X(lambda_param_maybe_default) \
    X(lambda_param) X(strings) X(fstring) X(fstring_expr) X(list) X(tuple) \
    X(set) X(dict) X(double_starred_kvpairs) X(double_starred_kvpair) \
    X(kvpair) X(for_if_clauses) X(for_if_clause) X(listcomp) X(setcomp) \
    X(genexp) X(dictcomp) X(arguments) X(args) X(kwargs) \
    X(starred_expression) X(kwarg_or_starred) X(kwarg_or_double_starred) \
    X(star_targets) X(star_target)

typedef enum CstRule {
    CST_LEAF = 0,        /* a token */
#define CST_ENUM_(r) CST_##r,
    CST_RULES(CST_ENUM_)
#undef CST_ENUM_
    CST_NRULES
} CstRule;

extern const char *const cst_rule_names[CST_NRULES];

typedef struct CstNode CstNode;
struct CstNode {
    CstRule rule;        /* CST_LEAF for a token, else the rule applied */
    int nkids;           /* number of children (0 for a leaf) */
    CstNode **kids;      /* the children, in source order */
    TokType type;        /* leaf: exact token type (NAME, LPAR, ...) */
    const char *str;     /* leaf: the token text, UTF-8, NUL-terminated */
    size_t len;          /* leaf: its length in bytes */
    int lineno, col;     /* leaf: start, 1-based line, 0-based UTF-8 byte column */
    int end_lineno, end_col; /* leaf: end, same units */
};

/* cst_read() pads every kids array (leaves' too) with cst_sentinel: one
 * entry before kids[0] and CST_KIDS_PAD after kids[nkids - 1], so that a
 * reader of a malformed tree meets the sentinel (an ERRORTOKEN leaf) instead
 * of memory it does not own. */
#define CST_KIDS_PAD 8
extern CstNode cst_sentinel;

typedef struct Cst {
    CstNode *root;       /* the "file" node */
    const char *source;  /* source name from the header */
} Cst;

/* Look a rule up by name; CST_LEAF when there is none. */
CstRule cst_rule_by_name(const char *s, size_t len);

/* Replace every node with exactly one child by that child (the root stays).
 * Returns the root. */
CstNode *cst_collapse(CstNode *root);

/* Depth of the tree (the root is at depth 0), walked without recursion;
 * stops counting once it passes limit (pyparse and ls_compile refuse
 * trees deeper than CST_MAX_DEPTH with CPython's RecursionError). */
int cst_depth(const CstNode *root, int limit);

/* Write the body (after the header) in the text form. */
void cst_write(FILE *out, const CstNode *root);
/* Write the tree as a Graphviz digraph. */
void cst_write_dot(FILE *out, const CstNode *root);

/* Read the body of a cst text (in->data from body) into a tree allocated
 * from a.  Malformed or truncated input: "tool: NAME:LINE: message", exit 2. */
CstNode *cst_read(const Input *in, size_t body, Arena *a);

/* Decode a Python str repr ('...' or "...", escapes \n \r \t \\ \' \" \xNN
 * \uNNNN \UNNNNNNNN) at *p into b (UTF-8).  Returns NULL and advances *p,
 * or returns a short message. */
const char *cst_read_strrepr(const char **p, const char *end, Buf *b);

/* --- f-strings: one scanner shared by pyparse and pyast ---------------- */

typedef enum FsPieceKind {
    FS_LITERAL,          /* literal text (raw source bytes, unescaped later) */
    FS_FIELD,            /* '{' expression: start of a replacement field */
    FS_SPEC,             /* ':' the format spec of the current field starts */
    FS_END,              /* '}' the current field ends */
} FsPieceKind;

typedef struct FsPiece {
    FsPieceKind kind;
    size_t start, end;   /* FS_LITERAL: the text; FS_FIELD: the expression
                          * (offsets in the token text) */
    size_t brace;        /* FS_FIELD: offset of the '{' */
    size_t debug_end;    /* FS_FIELD with '=': end of the "expr=" text incl.
                          * spaces after '='; else 0 */
    int conversion;      /* FS_FIELD: 's', 'r', 'a' or -1 */
} FsPiece;

typedef struct FsScan {
    FsPiece *pieces;     /* malloc'd */
    int n, cap;
    const char *err;     /* NULL, or CPython's message ("f-string: ...") */
    size_t err_at;       /* offset of the error in the token text */
} FsScan;

/* Scan the body of the f-string token text s[0..len) (prefix and quotes
 * included).  On error sets sc->err.  Free sc->pieces with free(). */
void cst_fstring_scan(const char *s, size_t len, FsScan *sc);

#endif
