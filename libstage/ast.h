/* libstage/ast.h: the abstract syntax tree shared by pyast, pysym and pycfg.
 *
 * Expanded from ast.def, the one description of node kinds and fields.  Every
 * ASDL constructor is a node kind (operators and contexts too: `op` of a BinOp
 * is an AstNode of kind AST_Add), so one generic writer and one generic
 * reader serve every node through the descriptor table ast_fields[].
 *
 * Typed access, as CPython's: n->v.BinOp.left, n->v.Name.id.
 * Nodes live in an Arena and are freed with it.
 */
#ifndef LS_AST_H
#define LS_AST_H

#include <stdbool.h>
#include <stddef.h>
#include "libstage/arena.h"
#include "libstage/const.h"

typedef enum AstKind {
    AST_NONE_ = 0,
#define NODE(k, s, a) AST_##k,
#define NODE0(k, s, a) AST_##k,
#define FIELD(k, n, t, c)
#define END(k)
#include "libstage/ast.def"
#undef NODE
#undef NODE0
#undef FIELD
#undef END
    AST_NKINDS
} AstKind;

/* The ASDL sums (types a field can hold). */
typedef enum AstSum {
    SUM_mod, SUM_stmt, SUM_expr, SUM_expr_context, SUM_boolop, SUM_operator,
    SUM_unaryop, SUM_cmpop, SUM_comprehension, SUM_excepthandler,
    SUM_arguments, SUM_arg, SUM_keyword, SUM_alias, SUM_withitem,
    SUM_match_case, SUM_pattern, SUM_type_ignore,
    /* leaf field types */
    SUM_identifier, SUM_string, SUM_constant, SUM_int,
    SUM_COUNT
} AstSum;

typedef enum AstCard { CARD_ONE, CARD_OPT, CARD_SEQ } AstCard;

typedef struct AstNode AstNode;

/* A list field.  Items are AstNode * for node types and const char * for
 * identifier lists; an item may be NULL where ast.def says so. */
typedef struct AstSeq {
    int len;
    void *items[];
} AstSeq;

#define AST_T_mod AstNode *
#define AST_T_stmt AstNode *
#define AST_T_expr AstNode *
#define AST_T_expr_context AstNode *
#define AST_T_boolop AstNode *
#define AST_T_operator AstNode *
#define AST_T_unaryop AstNode *
#define AST_T_cmpop AstNode *
#define AST_T_comprehension AstNode *
#define AST_T_excepthandler AstNode *
#define AST_T_arguments AstNode *
#define AST_T_arg AstNode *
#define AST_T_keyword AstNode *
#define AST_T_alias AstNode *
#define AST_T_withitem AstNode *
#define AST_T_match_case AstNode *
#define AST_T_pattern AstNode *
#define AST_T_type_ignore AstNode *
#define AST_T_identifier const char *     /* UTF-8, NUL-terminated */
#define AST_T_string const char *         /* UTF-8, NUL-terminated */
#define AST_T_constant Const *
#define AST_T_int int
#define AST_CTYPE_ONE(t) AST_T_##t
#define AST_CTYPE_OPT(t) AST_T_##t        /* NULL when absent (int: 0) */
#define AST_CTYPE_SEQ(t) AstSeq *          /* never NULL once built */

struct AstNode {
    AstKind kind;
    /* Positions, for kinds with POS in ast.def: 1-based lines, 0-based
     * columns in UTF-8 bytes (as CPython's AST); end_* are -1 when absent. */
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
#define NODE(k, s, a) struct {
#define NODE0(k, s, a)
#define FIELD(k, n, t, c) AST_CTYPE_##c(t) n;
#define END(k) } k;
#include "libstage/ast.def"
#undef NODE
#undef NODE0
#undef FIELD
#undef END
        char none_;
    } v;
};

/* Descriptor of one node kind. */
typedef struct AstKindInfo {
    const char *name;        /* "BinOp" */
    AstSum sum;              /* SUM_expr */
    bool has_pos;            /* carries lineno/col_offset/end_* */
    int nfields;
} AstKindInfo;

/* Descriptor of one field. */
typedef struct AstFieldInfo {
    AstKind kind;            /* the node kind it belongs to */
    const char *name;        /* "left" */
    AstSum type;             /* SUM_expr, SUM_identifier, ... */
    AstCard card;            /* ONE, OPT, SEQ */
    size_t offset;           /* offsetof(AstNode, v.Kind.name) */
} AstFieldInfo;

extern const AstKindInfo ast_kinds[AST_NKINDS];
extern const AstFieldInfo ast_fields[];
extern const char *const ast_sum_names[SUM_COUNT];

/* Index into ast_fields[] of kind k's first field (its nfields follow). */
int ast_first_field(AstKind k);

/* The kind with this class name, or AST_NONE_. */
AstKind ast_kind_by_name(const char *name, size_t len);

AstNode *ast_new(Arena *a, AstKind kind);
AstSeq *ast_seq_new(Arena *a, int len);

/* Field access through the descriptor table (for generic walkers). */
#define AST_FIELD_PTR(node, fi) ((void *)((char *)(node) + (fi)->offset))

#endif
