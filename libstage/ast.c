/* libstage/ast.c: the node descriptor tables, expanded from ast.def. */
#include "libstage/ast.h"

#include <string.h>

const char *const ast_sum_names[SUM_COUNT] = {
    "mod", "stmt", "expr", "expr_context", "boolop", "operator",
    "unaryop", "cmpop", "comprehension", "excepthandler",
    "arguments", "arg", "keyword", "alias", "withitem",
    "match_case", "pattern", "type_ignore",
    "identifier", "string", "constant", "int",
};

const AstFieldInfo ast_fields[] = {
#define NODE(k, s, a)
#define NODE0(k, s, a)
#define FIELD(k, n, t, c) {AST_##k, #n, SUM_##t, CARD_##c, offsetof(AstNode, v.k.n)},
#define END(k)
#include "libstage/ast.def"
#undef NODE
#undef NODE0
#undef FIELD
#undef END
    {AST_NONE_, NULL, SUM_int, CARD_ONE, 0},
};

/* Field counts per kind, to compute first_field without a second list. */
enum {
#define NODE(k, s, a) NF_##k = 0
#define NODE0(k, s, a) NF0_##k,
#define FIELD(k, n, t, c) + 1
#define END(k) ,
#include "libstage/ast.def"
#undef NODE
#undef NODE0
#undef FIELD
#undef END
};

#define POS true
#define NOPOS false
const AstKindInfo ast_kinds[AST_NKINDS] = {
    [AST_NONE_] = {"?", SUM_mod, false, 0},
#define NODE(k, s, a) [AST_##k] = {#k, SUM_##s, a, NF_##k},
#define NODE0(k, s, a) [AST_##k] = {#k, SUM_##s, a, 0},
#define FIELD(k, n, t, c)
#define END(k)
#include "libstage/ast.def"
#undef NODE
#undef NODE0
#undef FIELD
#undef END
};
#undef POS
#undef NOPOS

/* first field of each kind, computed once from ast_fields[] (where each
 * kind's fields are contiguous, in ast.def order). */
static int first_field[AST_NKINDS];
static bool first_ready;

static void compute_first(void)
{
    for (int k = 0; k < AST_NKINDS; k++)
        first_field[k] = 0;
    for (int i = 0; ast_fields[i].name; i++)
        if (i == 0 || ast_fields[i - 1].kind != ast_fields[i].kind)
            first_field[ast_fields[i].kind] = i;
    first_ready = true;
}

int ast_first_field(AstKind k)
{
    if (!first_ready)
        compute_first();
    return first_field[k];
}

AstKind ast_kind_by_name(const char *name, size_t len)
{
    for (int k = 1; k < AST_NKINDS; k++)
        if (strlen(ast_kinds[k].name) == len && memcmp(ast_kinds[k].name, name, len) == 0)
            return (AstKind)k;
    return AST_NONE_;
}

AstNode *ast_new(Arena *a, AstKind kind)
{
    AstNode *n = arena_alloc(a, sizeof *n);
    n->kind = kind;
    n->lineno = n->col_offset = 0;
    n->end_lineno = n->end_col_offset = -1;
    return n;
}

AstSeq *ast_seq_new(Arena *a, int len)
{
    AstSeq *s = arena_alloc(a, sizeof *s + (size_t)len * sizeof(void *));
    s->len = len;
    return s;
}
