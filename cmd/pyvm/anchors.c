/* cmd/pyvm/anchors.c: the anchors of a traceback caret line (anchors.h).
 *
 * Stage: pyvm.  A segment is tokenized (names, numbers, strings, operators,
 * brackets); at bracket depth 0 the binary operator of lowest precedence
 * (the rightmost one; the leftmost for the right-associative **) is the
 * root of a BinOp.  AST node extents exclude grouping parentheses, which is
 * why the anchor may fall on a ')' as in CPython 3.11.
 */
#include "cmd/pyvm/anchors.h"

#include <string.h>

enum { T_NAME, T_NUMBER, T_STRING, T_OP };

typedef struct Tok {
    int kind;               /* T_* */
    int start, end;         /* byte offsets in the segment */
    int match;              /* for brackets: index of the matching one, else -1 */
    int depth;              /* bracket depth outside this token */
} Tok;

#define MAXTOK 512

static bool is_ident(int c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool tok_is(const char *s, const Tok *t, const char *text)
{
    size_t n = strlen(text);
    return (size_t)(t->end - t->start) == n && memcmp(s + t->start, text, n) == 0;
}

static const char *const keywords[] = {
    "and", "or", "not", "if", "else", "lambda", "in", "is", "for", "yield", "async",
    "await", "import", "from", "as", "del", "pass", "return", "raise", "global",
    "nonlocal", "assert", "while", "with", "try", "except", "finally", "class", "def",
    "break", "continue", "elif", NULL,
};

static bool is_keyword(const char *s, const Tok *t)
{
    if (t->kind != T_NAME)
        return false;
    for (int i = 0; keywords[i]; i++)
        if (tok_is(s, t, keywords[i]))
            return true;
    return false;
}

/* Can this token end an operand (so an operator after it is binary)? */
static bool ends_operand(const char *s, const Tok *t)
{
    if (t->kind == T_NAME)
        return !is_keyword(s, t);
    if (t->kind == T_NUMBER || t->kind == T_STRING)
        return true;
    return tok_is(s, t, ")") || tok_is(s, t, "]") || tok_is(s, t, "}");
}

static int tokenize(const char *s, int len, Tok *toks)
{
    static const char *const ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
    static const char *const ops2[] = {"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->",
                                       ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
                                       "@=", NULL};
    int n = 0, i = 0, depth = 0;
    int stack[MAXTOK], sp = 0;
    while (i < len) {
        int c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\f' || c == '\\' || c == '\n' || c == '\r') {
            i++;
            continue;
        }
        if (c == '#')
            break;
        if (n >= MAXTOK)
            return -1;
        Tok *t = &toks[n];
        t->start = i;
        t->match = -1;
        t->depth = depth;
        /* strings, with any prefix letters */
        int j = i;
        while (j < len && j - i < 3 && strchr("rRbBuUfF", s[j]) && s[j])
            j++;
        if (j < len && (s[j] == '\'' || s[j] == '"') && (j == i || is_ident(s[i]))) {
            char q = s[j];
            bool triple = j + 2 < len && s[j + 1] == q && s[j + 2] == q;
            int k = j + (triple ? 3 : 1);
            while (k < len) {
                if (s[k] == '\\') {
                    k += 2;
                    continue;
                }
                if (s[k] == q && (!triple || (k + 2 < len && s[k + 1] == q && s[k + 2] == q))) {
                    k += triple ? 3 : 1;
                    break;
                }
                k++;
            }
            if (k > len)
                k = len;
            t->kind = T_STRING;
            t->end = k;
            i = k;
            n++;
            continue;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < len && s[i + 1] >= '0'
                                        && s[i + 1] <= '9')) {
            int k = i;
            bool hex = c == '0' && i + 1 < len && (s[i + 1] == 'x' || s[i + 1] == 'X');
            while (k < len && (is_ident((unsigned char)s[k]) || s[k] == '.'
                               || ((s[k] == '+' || s[k] == '-') && !hex
                                   && (s[k - 1] == 'e' || s[k - 1] == 'E'))))
                k++;
            t->kind = T_NUMBER;
            t->end = k;
            i = k;
            n++;
            continue;
        }
        if (is_ident(c)) {
            int k = i;
            while (k < len && is_ident((unsigned char)s[k]))
                k++;
            t->kind = T_NAME;
            t->end = k;
            i = k;
            n++;
            continue;
        }
        t->kind = T_OP;
        int w = 1;
        for (int k = 0; ops3[k]; k++)
            if (i + 3 <= len && memcmp(s + i, ops3[k], 3) == 0)
                w = 3;
        if (w == 1)
            for (int k = 0; ops2[k]; k++)
                if (i + 2 <= len && memcmp(s + i, ops2[k], 2) == 0)
                    w = 2;
        t->end = i + w;
        if (c == '(' || c == '[' || c == '{') {
            stack[sp++] = n;
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (sp == 0)
                return -1;
            int o = stack[--sp];
            toks[o].match = n;
            t->match = o;
            depth--;
            t->depth = depth;
        }
        i += w;
        n++;
    }
    if (sp != 0)
        return -1;
    return n;
}

/* Is the parenthesis pair (open, close) mere grouping (not a call, tuple,
 * generator expression or empty tuple)? */
static bool grouping(const char *s, const Tok *toks, int open, int close)
{
    if (!tok_is(s, &toks[open], "("))
        return false;
    if (open > 0 && ends_operand(s, &toks[open - 1]))
        return false;       /* a call */
    if (close == open + 1)
        return false;       /* () */
    int d = toks[open].depth + 1;
    for (int k = open + 1; k < close; k++)
        if (toks[k].depth == d && (tok_is(s, &toks[k], ",") || tok_is(s, &toks[k], "for")
                                   || tok_is(s, &toks[k], "yield")))
            return false;
    return true;
}

/* End offset of the expression whose last token is k (inside grouping). */
static int expr_end(const char *s, const Tok *toks, int k)
{
    while (k > 0 && tok_is(s, &toks[k], ")") && grouping(s, toks, toks[k].match, k))
        k--;
    return toks[k].end;
}

/* Start offset of the expression whose first token is k. */
static int expr_start(const char *s, const Tok *toks, int k)
{
    while (tok_is(s, &toks[k], "(") && grouping(s, toks, k, toks[k].match))
        k++;
    return toks[k].start;
}

static int binop_level(const char *s, const Tok *t)
{
    if (t->kind != T_OP)
        return 0;
    if (tok_is(s, t, "|")) return 1;
    if (tok_is(s, t, "^")) return 2;
    if (tok_is(s, t, "&")) return 3;
    if (tok_is(s, t, "<<") || tok_is(s, t, ">>")) return 4;
    if (tok_is(s, t, "+") || tok_is(s, t, "-")) return 5;
    if (tok_is(s, t, "*") || tok_is(s, t, "/") || tok_is(s, t, "//") || tok_is(s, t, "%")
        || tok_is(s, t, "@"))
        return 6;
    if (tok_is(s, t, "**")) return 7;
    return 0;
}

static bool blocks_binop(const char *s, const Tok *t)
{
    static const char *const ops[] = {"<", ">", "==", ">=", "<=", "!=", ",", "=", ":=", ":",
                                      ";", "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=",
                                      "<<=", "&=", "|=", "^=", "@=", "->", "...", NULL};
    if (t->kind == T_NAME)
        return is_keyword(s, t) && !tok_is(s, t, "await");
    if (t->kind != T_OP)
        return false;
    for (int i = 0; ops[i]; i++)
        if (tok_is(s, t, ops[i]))
            return true;
    return false;
}

bool vm_anchors(const char *s, size_t slen, int *left, int *right)
{
    Tok toks[MAXTOK];
    if (slen > 4000)
        return false;
    int len = (int)slen;
    int n = tokenize(s, len, toks);
    if (n <= 0)
        return false;
    int best = -1, best_level = 99;
    for (int k = 0; k < n; k++) {
        if (toks[k].depth != 0)
            continue;
        if (blocks_binop(s, &toks[k]))
            return false;
        int lv = binop_level(s, &toks[k]);
        if (!lv || k == 0 || !ends_operand(s, &toks[k - 1]) || k == n - 1)
            continue;
        if (lv < best_level || (lv == best_level && lv != 7)) {
            best = k;
            best_level = lv;
        }
    }
    bool unary_first = toks[0].kind == T_OP && (tok_is(s, &toks[0], "-")
                                                || tok_is(s, &toks[0], "+")
                                                || tok_is(s, &toks[0], "~"));
    if (best >= 0) {
        if (best_level == 7 && unary_first)
            return false;   /* -a ** b is a UnaryOp */
        int lend = expr_end(s, toks, best - 1);
        int rstart = expr_start(s, toks, best + 1);
        for (int i = lend; i < rstart; i++) {
            if (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')
                continue;
            *left = i;
            *right = i + 1;
            if (i + 1 < rstart && !(s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\f'))
                ++*right;
            return true;
        }
        return false;
    }
    /* a subscript: a primary whose last trailer is [...] */
    if (unary_first || (toks[0].kind == T_OP && !tok_is(s, &toks[0], "(")
                        && !tok_is(s, &toks[0], "[") && !tok_is(s, &toks[0], "{")))
        return false;
    if (is_keyword(s, &toks[0]))
        return false;
    int last = n - 1;
    if (!tok_is(s, &toks[last], "]"))
        return false;
    int open = toks[last].match;
    if (open <= 0 || !ends_operand(s, &toks[open - 1]) || last == open + 1)
        return false;
    *left = expr_end(s, toks, open - 1);
    *right = expr_end(s, toks, last - 1) + 1;
    return true;
}
