/* cmd/pyvm/mod_sre.c: the _sre module, the regular expression engine under
 * the standard library's re package: Pattern objects made from the code
 * re/_compiler.py produces, their match/fullmatch/search/findall/finditer/
 * sub/subn/split, and Match objects.
 *
 * Stage: pyvm.  The matcher is a backtracking interpreter of sre's code
 * words (the opcode numbers of re/_constants.py, MAGIC 20220615), written
 * in continuation-passing style: run() matches the ops of a sequence in a
 * loop and recurses only where it must be able to go back (BRANCH,
 * REPEAT_ONE counts, REPEAT iterations, MARK).  SUCCESS, MAX_UNTIL and
 * MIN_UNTIL hand the position to the continuation, which is either the
 * rest of an enclosing REPEAT, or the end of the (sub)match.  A group's
 * marks are restored when the path that set them fails.  The subject is
 * decoded once into code points; positions are code point indices.
 */
#include "cmd/pyvm/module.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/ucase.h"

/* sre's opcodes (re/_constants.py OPCODES) */
enum {
    SOP_FAILURE, SOP_SUCCESS, SOP_ANY, SOP_ANY_ALL, SOP_ASSERT, SOP_ASSERT_NOT, SOP_AT, SOP_BRANCH,
    SOP_CATEGORY, SOP_CHARSET, SOP_BIGCHARSET, SOP_GROUPREF, SOP_GROUPREF_EXISTS, SOP_IN, SOP_INFO,
    SOP_JUMP, SOP_LITERAL, SOP_MARK, SOP_MAX_UNTIL, SOP_MIN_UNTIL, SOP_NOT_LITERAL, SOP_NEGATE,
    SOP_RANGE, SOP_REPEAT, SOP_REPEAT_ONE, SOP_SUBPATTERN, SOP_MIN_REPEAT_ONE, SOP_ATOMIC_GROUP,
    SOP_POSSESSIVE_REPEAT, SOP_POSSESSIVE_REPEAT_ONE, SOP_GROUPREF_IGNORE, SOP_IN_IGNORE,
    SOP_LITERAL_IGNORE, SOP_NOT_LITERAL_IGNORE, SOP_GROUPREF_LOC_IGNORE, SOP_IN_LOC_IGNORE,
    SOP_LITERAL_LOC_IGNORE, SOP_NOT_LITERAL_LOC_IGNORE, SOP_GROUPREF_UNI_IGNORE, SOP_IN_UNI_IGNORE,
    SOP_LITERAL_UNI_IGNORE, SOP_NOT_LITERAL_UNI_IGNORE, SOP_RANGE_UNI_IGNORE,
};

/* AT codes */
enum {
    AT_BEGINNING, AT_BEGINNING_LINE, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY,
    AT_END, AT_END_LINE, AT_END_STRING, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY,
    AT_UNI_BOUNDARY, AT_UNI_NON_BOUNDARY,
};

/* CATEGORY codes */
enum {
    CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD,
    CAT_LINEBREAK, CAT_NOT_LINEBREAK, CAT_LOC_WORD, CAT_LOC_NOT_WORD, CAT_UNI_DIGIT,
    CAT_UNI_NOT_DIGIT, CAT_UNI_SPACE, CAT_UNI_NOT_SPACE, CAT_UNI_WORD, CAT_UNI_NOT_WORD,
    CAT_UNI_LINEBREAK, CAT_UNI_NOT_LINEBREAK,
};

#define SRE_MAGIC 20220615
#define MAXREPEAT 4294967295u
#define MAXGROUPS 1073741823
#define MAX_DEPTH 20000         /* backtracking recursion guard */

/* ---- characters ---- */

static uint32_t lower_ascii(uint32_t c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The simple (one code point) case mapping of c, or c. */
static uint32_t map1(uint32_t c, UcMapKind kind)
{
    if (c < 128)
        return kind == UC_MAP_UPPER ? (c >= 'a' && c <= 'z' ? c - 32 : c) : lower_ascii(c);
    const char *m = vm_uc_map(c, kind);
    if (!m)
        return c;
    uint32_t cp;
    int n = ls_utf8_decode(m, strlen(m), &cp);
    return n > 0 && m[n] == '\0' ? cp : c;
}

static uint32_t lower_uni(uint32_t c)
{
    return map1(c, UC_MAP_LOWER);
}

static bool is_word_ascii(uint32_t c)
{
    return c < 128 && (c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'));
}

static bool is_word_uni(uint32_t c)
{
    return c < 128 ? is_word_ascii(c) : ls_uni_is_word(c);
}

static bool is_space_ascii(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_linebreak_uni(uint32_t c)
{
    return c == '\n' || c == 0x0b || c == 0x0c || c == '\r' || c == 0x1c || c == 0x1d || c == 0x1e
           || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static bool category(uint32_t code, uint32_t c)
{
    switch (code) {
    case CAT_DIGIT: return c >= '0' && c <= '9';
    case CAT_NOT_DIGIT: return !(c >= '0' && c <= '9');
    case CAT_SPACE: return is_space_ascii(c);
    case CAT_NOT_SPACE: return !is_space_ascii(c);
    case CAT_WORD: case CAT_LOC_WORD: return is_word_ascii(c);
    case CAT_NOT_WORD: case CAT_LOC_NOT_WORD: return !is_word_ascii(c);
    case CAT_LINEBREAK: return c == '\n';
    case CAT_NOT_LINEBREAK: return c != '\n';
    case CAT_UNI_DIGIT: return c < 128 ? c >= '0' && c <= '9' : (vm_uc_flags(c) & UC_DECIMAL) != 0;
    case CAT_UNI_NOT_DIGIT: return !(c < 128 ? c >= '0' && c <= '9' : (vm_uc_flags(c) & UC_DECIMAL) != 0);
    case CAT_UNI_SPACE: return c < 128 ? is_space_ascii(c) || (c >= 0x1c && c <= 0x1f) : (vm_uc_flags(c) & UC_SPACE) != 0;
    case CAT_UNI_NOT_SPACE: return !(c < 128 ? is_space_ascii(c) || (c >= 0x1c && c <= 0x1f) : (vm_uc_flags(c) & UC_SPACE) != 0);
    case CAT_UNI_WORD: return is_word_uni(c);
    case CAT_UNI_NOT_WORD: return !is_word_uni(c);
    case CAT_UNI_LINEBREAK: return is_linebreak_uni(c);
    case CAT_UNI_NOT_LINEBREAK: return !is_linebreak_uni(c);
    }
    return false;
}

/* Is c in the set at set (a charset program ending in FAILURE)? */
static bool in_charset(const uint32_t *set, uint32_t c)
{
    bool ok = true;
    for (;;) {
        switch (*set++) {
        case SOP_FAILURE:
            return !ok;
        case SOP_LITERAL:
            if (c == *set)
                return ok;
            set++;
            break;
        case SOP_CATEGORY:
            if (category(*set, c))
                return ok;
            set++;
            break;
        case SOP_CHARSET:
            if (c < 256 && (set[c >> 5] & (1u << (c & 31))))
                return ok;
            set += 8;
            break;
        case SOP_RANGE:
            if (set[0] <= c && c <= set[1])
                return ok;
            set += 2;
            break;
        case SOP_RANGE_UNI_IGNORE: {
            if (set[0] <= c && c <= set[1])
                return ok;
            uint32_t u = map1(c, UC_MAP_UPPER);
            if (set[0] <= u && u <= set[1])
                return ok;
            set += 2;
            break;
        }
        case SOP_NEGATE:
            ok = !ok;
            break;
        case SOP_BIGCHARSET: {
            uint32_t count = *set++;
            if (c < 65536) {
                uint32_t block = ((const unsigned char *)set)[c >> 8];
                const uint32_t *bits = set + 64 + block * 8;
                if (bits[(c & 255) >> 5] & (1u << (c & 31)))
                    return ok;
            }
            set += 64 + count * 8;
            break;
        }
        default:
            return false;   /* malformed: treat as no match */
        }
    }
}

/* ---- the subject and the match state ---- */

typedef struct Subject {
    Obj *obj;               /* the str or bytes (borrowed) */
    bool is_bytes;
    const uint32_t *cp;     /* code points */
    uint32_t *own;          /* cp when decoded (malloc'd), else NULL */
    ssize_t n;              /* length in code points */
} Subject;

typedef struct Cont Cont;

typedef struct State {
    const uint32_t *code;   /* the pattern's code */
    const uint32_t *s;      /* subject code points */
    ssize_t end;            /* endpos */
    ssize_t *marks;         /* 2 per group (index 2g, 2g+1 for group g+1); -1 unset */
    ssize_t nmarks;
    ssize_t lastindex;      /* last closed group, -1 none */
    ssize_t start;          /* where this attempt started */
    bool fullmatch;         /* the match must end at end */
    bool nonempty;          /* the match must not be empty (after an empty match) */
    int depth;              /* recursion depth */
    bool toodeep;           /* gave up: MAX_DEPTH */
} State;

/* What happens after a SUCCESS/UNTIL: the rest of a REPEAT, or (top) the
 * end of the whole match. */
struct Cont {
    int kind;               /* CONT_TOP, CONT_LOCAL, CONT_REPEAT */
    const uint32_t *rep;    /* CONT_REPEAT: the REPEAT op */
    ssize_t count;          /* iterations done before this one */
    ssize_t last;           /* where this iteration started */
    Cont *next;             /* the continuation after the REPEAT */
};

enum { CONT_TOP, CONT_LOCAL, CONT_REPEAT };

static ssize_t run(State *st, const uint32_t *pc, ssize_t pos, Cont *k);
static ssize_t rep_step(State *st, const uint32_t *rep, ssize_t count, ssize_t last, ssize_t pos,
                        Cont *k);

static ssize_t cont(State *st, Cont *k, ssize_t pos)
{
    switch (k->kind) {
    case CONT_LOCAL:
        return pos;
    case CONT_TOP:
        if (st->fullmatch && pos != st->end)
            return -1;
        if (st->nonempty && pos == st->start)
            return -1;
        return pos;
    default:
        return rep_step(st, k->rep, k->count + 1, k->last, pos, k->next);
    }
}

/* Does the single-character item at pc match s[pos]? (REPEAT_ONE's item) */
static bool one(State *st, const uint32_t *pc, ssize_t pos)
{
    if (pos >= st->end)
        return false;
    uint32_t c = st->s[pos];
    switch (pc[0]) {
    case SOP_ANY: return c != '\n';
    case SOP_ANY_ALL: return true;
    case SOP_LITERAL: return c == pc[1];
    case SOP_NOT_LITERAL: return c != pc[1];
    case SOP_LITERAL_IGNORE: case SOP_LITERAL_LOC_IGNORE: return lower_ascii(c) == pc[1];
    case SOP_NOT_LITERAL_IGNORE: case SOP_NOT_LITERAL_LOC_IGNORE: return lower_ascii(c) != pc[1];
    case SOP_LITERAL_UNI_IGNORE: return lower_uni(c) == pc[1];
    case SOP_NOT_LITERAL_UNI_IGNORE: return lower_uni(c) != pc[1];
    case SOP_CATEGORY: return category(pc[1], c);
    case SOP_IN: return in_charset(pc + 2, c);
    case SOP_IN_IGNORE: case SOP_IN_LOC_IGNORE: return in_charset(pc + 2, lower_ascii(c));
    case SOP_IN_UNI_IGNORE: return in_charset(pc + 2, lower_uni(c));
    }
    return false;
}

static bool at(State *st, uint32_t code, ssize_t pos)
{
    const uint32_t *s = st->s;
    ssize_t end = st->end;
    bool before, here;
    switch (code) {
    case AT_BEGINNING: case AT_BEGINNING_STRING: return pos == 0;
    case AT_BEGINNING_LINE: return pos == 0 || s[pos - 1] == '\n';
    case AT_END: return pos == end || (pos == end - 1 && s[pos] == '\n');
    case AT_END_LINE: return pos == end || s[pos] == '\n';
    case AT_END_STRING: return pos == end;
    case AT_BOUNDARY: case AT_LOC_BOUNDARY: case AT_NON_BOUNDARY: case AT_LOC_NON_BOUNDARY:
        if (end == 0)
            return false;
        before = pos > 0 && is_word_ascii(s[pos - 1]);
        here = pos < end && is_word_ascii(s[pos]);
        return (code == AT_BOUNDARY || code == AT_LOC_BOUNDARY) ? before != here : before == here;
    case AT_UNI_BOUNDARY: case AT_UNI_NON_BOUNDARY:
        if (end == 0)
            return false;
        before = pos > 0 && is_word_uni(s[pos - 1]);
        here = pos < end && is_word_uni(s[pos]);
        return code == AT_UNI_BOUNDARY ? before != here : before == here;
    }
    return false;
}

/* Match the text of group g at pos; the new position or -1. */
static ssize_t groupref(State *st, uint32_t g, ssize_t pos, int fold)
{
    if ((ssize_t)(2 * g + 1) >= st->nmarks)
        return -1;
    ssize_t a = st->marks[2 * g], b = st->marks[2 * g + 1];
    if (a < 0 || b < 0 || b < a)
        return -1;
    if (pos + (b - a) > st->end)
        return -1;
    for (ssize_t i = 0; i < b - a; i++) {
        uint32_t x = st->s[a + i], y = st->s[pos + i];
        if (fold == 1) {
            x = lower_ascii(x);
            y = lower_ascii(y);
        } else if (fold == 2) {
            x = lower_uni(x);
            y = lower_uni(y);
        }
        if (x != y)
            return -1;
    }
    return pos + (b - a);
}

static ssize_t rep_step(State *st, const uint32_t *rep, ssize_t count, ssize_t last, ssize_t pos,
                        Cont *k)
{
    uint32_t min = rep[2], max = rep[3];
    const uint32_t *body = rep + 4;
    const uint32_t *until = rep + 1 + rep[1];
    bool lazy = until[0] == SOP_MIN_UNTIL;
    Cont again = {CONT_REPEAT, rep, count, pos, k};
    if ((size_t)count < min)
        return run(st, body, pos, &again);
    /* an iteration that matched nothing ends the loop */
    bool more = ((size_t)count < max || max == MAXREPEAT) && pos != last;
    if (lazy) {
        ssize_t r = run(st, until + 1, pos, k);
        if (r >= 0 || st->toodeep || !more)
            return r;
        return run(st, body, pos, &again);
    }
    if (more) {
        ssize_t r = run(st, body, pos, &again);
        if (r >= 0 || st->toodeep)
            return r;
    }
    return run(st, until + 1, pos, k);
}

static ssize_t run(State *st, const uint32_t *pc, ssize_t pos, Cont *k)
{
    if (++st->depth > MAX_DEPTH) {
        st->toodeep = true;
        st->depth--;
        return -1;
    }
    ssize_t r = -1;
    const uint32_t *s = st->s;
    ssize_t end = st->end;
    for (;;) {
        switch (pc[0]) {
        case SOP_FAILURE:
            goto out;
        case SOP_SUCCESS: case SOP_MAX_UNTIL: case SOP_MIN_UNTIL:
            r = cont(st, k, pos);
            goto out;
        case SOP_INFO:
            pc += 1 + pc[1];
            break;
        case SOP_ANY: case SOP_ANY_ALL: case SOP_LITERAL: case SOP_NOT_LITERAL:
        case SOP_LITERAL_IGNORE: case SOP_NOT_LITERAL_IGNORE: case SOP_LITERAL_LOC_IGNORE:
        case SOP_NOT_LITERAL_LOC_IGNORE: case SOP_LITERAL_UNI_IGNORE: case SOP_NOT_LITERAL_UNI_IGNORE:
        case SOP_CATEGORY:
            if (!one(st, pc, pos))
                goto out;
            pos++;
            pc += pc[0] == SOP_ANY || pc[0] == SOP_ANY_ALL ? 1 : 2;
            break;
        case SOP_IN: case SOP_IN_IGNORE: case SOP_IN_LOC_IGNORE: case SOP_IN_UNI_IGNORE:
            if (!one(st, pc, pos))
                goto out;
            pos++;
            pc += 1 + pc[1];
            break;
        case SOP_AT:
            if (!at(st, pc[1], pos))
                goto out;
            pc += 2;
            break;
        case SOP_JUMP:
            pc += 1 + pc[1];
            break;
        case SOP_MARK: {
            uint32_t i = pc[1];
            if ((ssize_t)i >= st->nmarks)
                goto out;
            ssize_t old = st->marks[i], oldlast = st->lastindex;
            st->marks[i] = pos;
            if (i & 1)
                st->lastindex = i / 2 + 1;
            r = run(st, pc + 2, pos, k);
            if (r < 0) {
                st->marks[i] = old;
                st->lastindex = oldlast;
            }
            goto out;
        }
        case SOP_BRANCH: {
            const uint32_t *alt = pc + 1;
            while (alt[0]) {
                r = run(st, alt + 1, pos, k);
                if (r >= 0 || st->toodeep)
                    goto out;
                alt += alt[0];
            }
            r = -1;
            goto out;
        }
        case SOP_REPEAT_ONE: case SOP_MIN_REPEAT_ONE: case SOP_POSSESSIVE_REPEAT_ONE: {
            uint32_t min = pc[2], max = pc[3];
            const uint32_t *item = pc + 4, *next = pc + 1 + pc[1];
            ssize_t n = 0;
            if (pc[0] == SOP_MIN_REPEAT_ONE) {
                while ((size_t)n < min && one(st, item, pos + n))
                    n++;
                if ((size_t)n < min)
                    goto out;
                for (;;) {
                    r = run(st, next, pos + n, k);
                    if (r >= 0 || st->toodeep)
                        goto out;
                    if ((n >= (ssize_t)max && max != MAXREPEAT) || !one(st, item, pos + n))
                        goto out;
                    n++;
                }
            }
            while ((max == MAXREPEAT || (size_t)n < max) && one(st, item, pos + n))
                n++;
            if ((size_t)n < min)
                goto out;
            if (pc[0] == SOP_POSSESSIVE_REPEAT_ONE) {
                pos += n;
                pc = next;
                break;
            }
            for (; n >= (ssize_t)min; n--) {
                r = run(st, next, pos + n, k);
                if (r >= 0 || st->toodeep)
                    goto out;
            }
            r = -1;
            goto out;
        }
        case SOP_REPEAT:
            r = rep_step(st, pc, 0, -1, pos, k);
            goto out;
        case SOP_POSSESSIVE_REPEAT: {
            uint32_t min = pc[2], max = pc[3];
            Cont local = {CONT_LOCAL, NULL, 0, 0, NULL};
            ssize_t n = 0;
            while (max == MAXREPEAT || (size_t)n < max) {
                ssize_t e = run(st, pc + 4, pos, &local);
                if (e < 0 || (e == pos && (size_t)n >= min))
                    break;
                pos = e;
                n++;
            }
            if ((size_t)n < min)
                goto out;
            pc += 1 + pc[1];
            break;
        }
        case SOP_ATOMIC_GROUP: {
            Cont local = {CONT_LOCAL, NULL, 0, 0, NULL};
            ssize_t e = run(st, pc + 2, pos, &local);
            if (e < 0)
                goto out;
            pos = e;
            pc += 1 + pc[1];
            break;
        }
        case SOP_ASSERT: case SOP_ASSERT_NOT: {
            ssize_t from = pos - (ssize_t)pc[2];
            Cont local = {CONT_LOCAL, NULL, 0, 0, NULL};
            ssize_t e = -1;
            if (from >= 0) {
                ssize_t savedend = st->end;
                e = run(st, pc + 3, from, &local);
                st->end = savedend;
            }
            if (st->toodeep)
                goto out;
            if ((e >= 0) != (pc[0] == SOP_ASSERT))
                goto out;
            pc += 1 + pc[1];
            break;
        }
        case SOP_GROUPREF: case SOP_GROUPREF_IGNORE: case SOP_GROUPREF_LOC_IGNORE:
        case SOP_GROUPREF_UNI_IGNORE: {
            int fold = pc[0] == SOP_GROUPREF ? 0 : pc[0] == SOP_GROUPREF_UNI_IGNORE ? 2 : 1;
            ssize_t e = groupref(st, pc[1], pos, fold);
            if (e < 0)
                goto out;
            pos = e;
            pc += 2;
            break;
        }
        case SOP_GROUPREF_EXISTS: {
            uint32_t g = pc[1];
            bool set = (ssize_t)(2 * g + 1) < st->nmarks && st->marks[2 * g] >= 0
                       && st->marks[2 * g + 1] >= 0;
            pc = set ? pc + 3 : pc + 1 + pc[2];
            break;
        }
        default:
            goto out;       /* an opcode pyvm does not know: no match */
        }
        (void)s;
        (void)end;
    }
out:
    st->depth--;
    return r;
}

/* ---- Pattern and Match objects ---- */

typedef struct PatternObj {
    Obj ob;
    Obj *pattern;           /* the source (str, bytes or None) */
    int64_t flags;
    uint32_t *code;         /* the code words (malloc'd) */
    size_t ncode;
    ssize_t groups;         /* number of capturing groups */
    Obj *groupindex;        /* name -> group number (dict) */
    Obj *indexgroup;        /* group number -> name or None (tuple) */
    bool is_bytes;          /* a bytes pattern */
} PatternObj;

typedef struct MatchObj {
    Obj ob;
    Obj *pattern;           /* the PatternObj */
    Obj *string;            /* the subject */
    ssize_t pos, endpos;
    ssize_t *marks;         /* 2 * (groups + 1): group 0 first (malloc'd) */
    ssize_t ngroups;        /* groups + 1 */
    ssize_t lastindex;      /* -1: None */
} MatchObj;

static Type pattern_type, match_type;

static void pattern_dealloc(Obj *o)
{
    PatternObj *p = (PatternObj *)o;
    XDECREF(p->pattern);
    XDECREF(p->groupindex);
    XDECREF(p->indexgroup);
    free(p->code);
    vm_obj_free(o);
}

static void pattern_traverse(Obj *o, VisitFn visit, void *arg)
{
    PatternObj *p = (PatternObj *)o;
    VISIT(p->pattern);
    VISIT(p->groupindex);
    VISIT(p->indexgroup);
}

static void match_dealloc(Obj *o)
{
    MatchObj *m = (MatchObj *)o;
    XDECREF(m->pattern);
    XDECREF(m->string);
    free(m->marks);
    vm_obj_free(o);
}

static void match_traverse(Obj *o, VisitFn visit, void *arg)
{
    MatchObj *m = (MatchObj *)o;
    VISIT(m->pattern);
    VISIT(m->string);
}

/* The last long str subject decoded, held (a reference: it cannot be
 * freed or changed) so that matching it again at another position (a
 * tokenizer's pattern.match(text, pos) loop, as pyexpat's) does not decode
 * the whole string each time. */
static Obj *cache_str;          /* the str, or NULL */
static uint32_t *cache_cp;      /* its code points (malloc'd) */
static ssize_t cache_n;         /* how many */
#define SUBJECT_CACHE_MIN 1024  /* shorter subjects are decoded each time */

/* Decode the subject; type errors as CPython's. */
static int subject_init(Subject *sj, PatternObj *p, Obj *o)
{
    memset(sj, 0, sizeof *sj);
    sj->obj = o;
    if (STR_CHECK(o)) {
        if (p->is_bytes) {
            vm_err_str(&vm_exc_TypeError, "cannot use a bytes pattern on a string-like object");
            return -1;
        }
        if (o == cache_str) {
            sj->cp = cache_cp;
            sj->n = cache_n;
            return 0;
        }
        StrObj *s = (StrObj *)o;
        sj->n = s->ulen;
        sj->own = malloc(((size_t)s->ulen + 1) * sizeof(uint32_t));
        if (!sj->own) {
            vm_err_nomem();
            return -1;
        }
        const unsigned char *b = (const unsigned char *)s->s;
        ssize_t i = 0, k = 0;
        while (i < s->len) {
            unsigned char c = b[i];
            int len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
            uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
            for (int j = 1; j < len && i + j < s->len; j++)
                cp = cp << 6 | (b[i + j] & 0x3f);
            sj->own[k++] = cp;
            i += len;
        }
        sj->n = k;
        sj->cp = sj->own;
        if (k >= SUBJECT_CACHE_MIN) {
            if (cache_str) {
                DECREF(cache_str);
                free(cache_cp);
            }
            cache_str = vm_newref(o);
            cache_cp = sj->own;
            cache_n = k;
            sj->own = NULL;
        }
        return 0;
    }
    if (BYTES_CHECK(o) || strcmp(vm_tname(o), "bytearray") == 0) {
        if (!p->is_bytes) {
            vm_err_str(&vm_exc_TypeError, "cannot use a string pattern on a bytes-like object");
            return -1;
        }
        const unsigned char *b;
        ssize_t n;
        if (BYTES_CHECK(o)) {
            b = (const unsigned char *)((BytesObj *)o)->s;
            n = ((BytesObj *)o)->len;
        } else {
            vm_err_str(&vm_exc_TypeError, "not supported yet: matching a bytearray");
            return -1;
        }
        sj->is_bytes = true;
        sj->n = n;
        sj->own = malloc(((size_t)n + 1) * sizeof(uint32_t));
        if (!sj->own) {
            vm_err_nomem();
            return -1;
        }
        for (ssize_t i = 0; i < n; i++)
            sj->own[i] = b[i];
        sj->cp = sj->own;
        return 0;
    }
    vm_err_fmt(&vm_exc_TypeError, "expected string or bytes-like object, got '%s'", vm_tname(o));
    return -1;
}

static void subject_free(Subject *sj)
{
    free(sj->own);
}

/* s[a:b] of the subject (code point indices). */
static Obj *slice_of(Obj *o, ssize_t a, ssize_t b)
{
    if (a < 0 || b < a)
        return vm_newref(VM_NONE);
    if (BYTES_CHECK(o))
        return vm_bytes_new(((BytesObj *)o)->s + a, (size_t)(b - a));
    StrObj *s = (StrObj *)o;
    if (s->ulen == s->len)
        return vm_str_new(s->s + a, (size_t)(b - a));
    const unsigned char *p = (const unsigned char *)s->s;
    ssize_t i = 0, k = 0, ba = -1;
    while (i <= s->len) {
        if (k == a)
            ba = i;
        if (k == b)
            break;
        if (i == s->len)
            break;
        unsigned char c = p[i];
        i += c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        k++;
    }
    if (ba < 0)
        ba = i;
    return vm_str_new(s->s + ba, (size_t)(i - ba));
}

/* Run one match attempt at start (search: every start from pos).
 * Returns the match end or -1; marks hold the groups.  -2 on error. */
static ssize_t do_match(PatternObj *p, Subject *sj, ssize_t pos, ssize_t endpos, bool search,
                        bool full, bool nonempty, ssize_t *marks, ssize_t *mstart, ssize_t *lastindex)
{
    State st;
    st.code = p->code;
    st.s = sj->cp;
    st.end = endpos;
    st.nmarks = 2 * p->groups;
    st.marks = marks + 2;
    st.fullmatch = full;
    st.depth = 0;
    st.toodeep = false;
    Cont top = {CONT_TOP, NULL, 0, 0, NULL};
    for (ssize_t s = pos; s <= endpos; s++) {
        for (ssize_t i = 0; i < st.nmarks; i++)
            st.marks[i] = -1;
        st.lastindex = -1;
        st.start = s;
        st.nonempty = nonempty && s == pos;
        ssize_t e = run(&st, p->code, s, &top);
        if (st.toodeep) {
            vm_err_str(&vm_exc_RecursionError,
                       "maximum recursion depth exceeded in regular expression matching");
            return -2;
        }
        if (e >= 0) {
            *mstart = s;
            marks[0] = s;
            marks[1] = e;
            *lastindex = st.lastindex;
            return e;
        }
        if (!search)
            break;
    }
    return -1;
}

static Obj *match_new(PatternObj *p, Obj *string, ssize_t pos, ssize_t endpos, ssize_t *marks,
                      ssize_t lastindex)
{
    MatchObj *m = vm_alloc(&match_type, 0);
    m->pattern = vm_newref((Obj *)p);
    m->string = vm_newref(string);
    m->pos = pos;
    m->endpos = endpos;
    m->ngroups = p->groups + 1;
    m->marks = malloc((size_t)m->ngroups * 2 * sizeof(ssize_t));
    if (!m->marks)
        ls_die(LS_EXIT_USAGE, "out of memory");
    memcpy(m->marks, marks, (size_t)m->ngroups * 2 * sizeof(ssize_t));
    /* an unmatched group has both marks -1 */
    for (ssize_t g = 1; g < m->ngroups; g++)
        if (m->marks[2 * g] < 0 || m->marks[2 * g + 1] < 0)
            m->marks[2 * g] = m->marks[2 * g + 1] = -1;
    m->lastindex = lastindex;
    return (Obj *)m;
}

/* pos/endpos arguments clamped as CPython */
static int pos_args(Obj *const *args, size_t npos, Obj *kwnames, size_t nargs, Subject *sj,
                    ssize_t *pos, ssize_t *endpos, Obj **string)
{
    static const char *const names[] = {"string", "pos", "endpos"};
    Obj *a[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < npos && i < 3; i++)
        a[i] = args[i];
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        size_t i = 0;
        while (i < 3 && !vm_str_eqc(kn, names[i]))
            i++;
        if (i == 3) {
            vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument", STR_DATA(kn));
            return -1;
        }
        a[i] = args[npos + k];
    }
    (void)nargs;
    if (!a[0]) {
        vm_err_str(&vm_exc_TypeError, "missing required argument 'string' (pos 1)");
        return -1;
    }
    *string = a[0];
    int64_t p = 0, e = INT64_MAX;
    if (a[1] && vm_index(a[1], &p, "pos") < 0)
        return -1;
    if (a[2] && vm_index(a[2], &e, "endpos") < 0)
        return -1;
    (void)sj;
    *pos = (ssize_t)p;
    *endpos = e > SSIZE_MAX ? SSIZE_MAX : (ssize_t)e;
    return 0;
}

static void clamp(Subject *sj, ssize_t *pos, ssize_t *endpos)
{
    if (*pos < 0)
        *pos = 0;
    if (*pos > sj->n)
        *pos = sj->n;
    if (*endpos < 0)
        *endpos = 0;
    if (*endpos > sj->n)
        *endpos = sj->n;
}

/* match / fullmatch / search */
static Obj *pattern_do(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, bool search,
                       bool full)
{
    PatternObj *p = (PatternObj *)self;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    ssize_t pos, endpos;
    Obj *string;
    Subject sj;
    if (pos_args(args, nargs - nkw, kwnames, nargs, NULL, &pos, &endpos, &string) < 0)
        return NULL;
    if (subject_init(&sj, p, string) < 0)
        return NULL;
    clamp(&sj, &pos, &endpos);
    ssize_t nm = 2 * (p->groups + 1);
    ssize_t *marks = malloc((size_t)nm * sizeof(ssize_t));
    ssize_t ms, li;
    Obj *r;
    if (endpos < pos) {
        r = vm_newref(VM_NONE);
    } else {
        ssize_t e = do_match(p, &sj, pos, endpos, search, full, false, marks, &ms, &li);
        r = e == -2 ? NULL : e < 0 ? vm_newref(VM_NONE) : match_new(p, string, pos, endpos, marks, li);
    }
    free(marks);
    subject_free(&sj);
    return r;
}

static Obj *pattern_match(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pattern_do(self, args, nargs, kwnames, false, false);
}

static Obj *pattern_fullmatch(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pattern_do(self, args, nargs, kwnames, false, true);
}

static Obj *pattern_search(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pattern_do(self, args, nargs, kwnames, true, false);
}

/* Every match from pos (findall, finditer, sub, split): calls each(m,...)
 * with the marks; stops after count matches (0: all). */
typedef int (*EachFn)(void *ctx, ssize_t *marks, ssize_t lastindex);

static int each_match(PatternObj *p, Subject *sj, ssize_t pos, ssize_t endpos, ssize_t count,
                      EachFn fn, void *ctx)
{
    ssize_t nm = 2 * (p->groups + 1);
    ssize_t *marks = malloc((size_t)nm * sizeof(ssize_t));
    bool nonempty = false;
    ssize_t n = 0;
    int rc = 0;
    while (pos <= endpos && (count == 0 || n < count)) {
        ssize_t ms, li;
        ssize_t e = do_match(p, sj, pos, endpos, true, false, nonempty, marks, &ms, &li);
        if (e == -2) {
            rc = -1;
            break;
        }
        if (e < 0)
            break;
        if (fn(ctx, marks, li) < 0) {
            rc = -1;
            break;
        }
        n++;
        nonempty = e == ms;
        pos = e;
    }
    free(marks);
    return rc;
}

typedef struct FindCtx {
    PatternObj *p;
    Obj *string;
    Obj *list;
    ssize_t pos, endpos;    /* finditer: for the Match objects */
    bool iter;
} FindCtx;

static int find_each(void *vctx, ssize_t *marks, ssize_t lastindex)
{
    FindCtx *c = vctx;
    Obj *item;
    if (c->iter) {
        item = match_new(c->p, c->string, c->pos, c->endpos, marks, lastindex);
    } else if (c->p->groups == 0) {
        item = slice_of(c->string, marks[0], marks[1]);
    } else if (c->p->groups == 1) {
        item = marks[2] >= 0 && marks[3] >= 0 ? slice_of(c->string, marks[2], marks[3])
                                              : slice_of(c->string, 0, 0);
    } else {
        item = vm_tuple_new(c->p->groups);
        for (ssize_t g = 1; g <= c->p->groups; g++)
            TUPLE_ITEMS(item)[g - 1] = marks[2 * g] >= 0 && marks[2 * g + 1] >= 0
                ? slice_of(c->string, marks[2 * g], marks[2 * g + 1]) : slice_of(c->string, 0, 0);
    }
    if (!item)
        return -1;
    vm_list_append(c->list, item);
    DECREF(item);
    return 0;
}

static Obj *pattern_find(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, bool iter)
{
    PatternObj *p = (PatternObj *)self;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    ssize_t pos, endpos;
    Obj *string;
    Subject sj;
    if (pos_args(args, nargs - nkw, kwnames, nargs, NULL, &pos, &endpos, &string) < 0)
        return NULL;
    if (subject_init(&sj, p, string) < 0)
        return NULL;
    clamp(&sj, &pos, &endpos);
    FindCtx c = {p, string, vm_list_new(0), pos, endpos, iter};
    int rc = each_match(p, &sj, pos, endpos, 0, find_each, &c);
    subject_free(&sj);
    if (rc < 0) {
        DECREF(c.list);
        return NULL;
    }
    if (!iter)
        return c.list;
    Obj *it = vm_iter(c.list);
    DECREF(c.list);
    return it;
}

static Obj *pattern_findall(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pattern_find(self, args, nargs, kwnames, false);
}

static Obj *pattern_finditer(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pattern_find(self, args, nargs, kwnames, true);
}

/* sub/subn/split share this: pieces joined at the end */
typedef struct SubCtx {
    PatternObj *p;
    Obj *string;
    Obj *pieces;            /* list of str/bytes */
    Obj *repl;              /* callable, or NULL: literal */
    Obj *literal;           /* the literal replacement */
    ssize_t last;           /* end of the previous match */
    ssize_t n;              /* matches */
    ssize_t endpos;
    bool split;
} SubCtx;

static int add_piece(SubCtx *c, Obj *piece)
{
    if (!piece)
        return -1;
    vm_list_append(c->pieces, piece);
    DECREF(piece);
    return 0;
}

static int sub_each(void *vctx, ssize_t *marks, ssize_t lastindex)
{
    SubCtx *c = vctx;
    if (add_piece(c, slice_of(c->string, c->last, marks[0])) < 0)
        return -1;
    if (c->split) {
        for (ssize_t g = 1; g <= c->p->groups; g++)
            if (add_piece(c, marks[2 * g] >= 0 && marks[2 * g + 1] >= 0
                          ? slice_of(c->string, marks[2 * g], marks[2 * g + 1])
                          : vm_newref(VM_NONE)) < 0)
                return -1;
    } else if (c->repl) {
        Obj *m = match_new(c->p, c->string, 0, c->endpos, marks, lastindex);
        Obj *r = vm_call(c->repl, &m, 1, NULL);
        DECREF(m);
        if (!r)
            return -1;
        if (r != VM_NONE && !STR_CHECK(r) && !BYTES_CHECK(r)) {
            vm_err_fmt(&vm_exc_TypeError, "expected %s, got '%s'",
                       c->p->is_bytes ? "a bytes-like object" : "str", vm_tname(r));
            DECREF(r);
            return -1;
        }
        if (r == VM_NONE)
            DECREF(r);
        else if (add_piece(c, r) < 0)
            return -1;
    } else {
        vm_list_append(c->pieces, c->literal);
    }
    c->last = marks[1];
    c->n++;
    return 0;
}

static Obj *join_pieces(SubCtx *c)
{
    if (c->p->is_bytes) {
        Buf b = BUF_INIT;
        for (ssize_t i = 0; i < LIST_LEN(c->pieces); i++) {
            Obj *x = LIST_ITEMS(c->pieces)[i];
            buf_put(&b, ((BytesObj *)x)->s, (size_t)((BytesObj *)x)->len);
        }
        Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
        buf_free(&b);
        return r;
    }
    return vm_str_join(vm_str_intern("", 0), LIST_ITEMS(c->pieces), (size_t)LIST_LEN(c->pieces));
}

static Obj *pattern_subx(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, bool with_n)
{
    PatternObj *p = (PatternObj *)self;
    static const char *const names[] = {"repl", "string", "count"};
    Obj *a[3] = {NULL, NULL, NULL};
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    size_t npos = nargs - nkw;
    for (size_t i = 0; i < npos && i < 3; i++)
        a[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        size_t i = 0;
        while (i < 3 && !vm_str_eqc(TUPLE_ITEMS(kwnames)[k], names[i]))
            i++;
        if (i == 3)
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument",
                              STR_DATA(TUPLE_ITEMS(kwnames)[k]));
        a[i] = args[npos + k];
    }
    if (!a[0] || !a[1])
        return vm_err_str(&vm_exc_TypeError, "sub() missing required argument");
    int64_t count = 0;
    if (a[2] && vm_index(a[2], &count, "count") < 0)
        return NULL;
    Subject sj;
    if (subject_init(&sj, p, a[1]) < 0)
        return NULL;
    SubCtx c = {p, a[1], vm_list_new(0), NULL, NULL, 0, 0, sj.n, false};
    Obj *filter = NULL;
    if (STR_CHECK(a[0]) || BYTES_CHECK(a[0])) {
        const char *t = STR_CHECK(a[0]) ? STR_DATA(a[0]) : ((BytesObj *)a[0])->s;
        size_t tl = STR_CHECK(a[0]) ? (size_t)STR_LEN(a[0]) : (size_t)((BytesObj *)a[0])->len;
        if (STR_CHECK(a[0]) == p->is_bytes) {
            subject_free(&sj);
            DECREF(c.pieces);
            return vm_err_fmt(&vm_exc_TypeError, "expected %s, got '%s'",
                              p->is_bytes ? "a bytes-like object" : "str", vm_tname(a[0]));
        }
        if (memchr(t, '\\', tl)) {
            /* re._subx compiles the template: a literal or a function */
            Obj *re = vm_import_abs(vm_str_intern("re", 2));
            Obj *subx = re ? vm_getattr(re, vm_str_intern("_subx", 5)) : NULL;
            XDECREF(re);
            Obj *ca[2] = {self, a[0]};
            filter = subx ? vm_call(subx, ca, 2, NULL) : NULL;
            XDECREF(subx);
            if (!filter) {
                subject_free(&sj);
                DECREF(c.pieces);
                return NULL;
            }
            if (STR_CHECK(filter) || BYTES_CHECK(filter))
                c.literal = filter;
            else
                c.repl = filter;
        } else {
            c.literal = a[0];
        }
    } else {
        c.repl = a[0];
    }
    int rc = each_match(p, &sj, 0, sj.n, (ssize_t)count, sub_each, &c);
    Obj *r = NULL;
    if (rc == 0 && add_piece(&c, slice_of(a[1], c.last, sj.n)) == 0)
        r = join_pieces(&c);
    XDECREF(filter);
    DECREF(c.pieces);
    subject_free(&sj);
    if (r && with_n) {
        Obj *n = vm_int_from_i64(c.n);
        Obj *pair[2] = {r, n};
        Obj *t = vm_tuple_from(pair, 2);
        DECREF(r);
        DECREF(n);
        return t;
    }
    return r;
}

static Obj *pattern_sub(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pattern_subx(self, args, nargs, kwnames, false);
}

static Obj *pattern_subn(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pattern_subx(self, args, nargs, kwnames, true);
}

static Obj *pattern_split(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    PatternObj *p = (PatternObj *)self;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    size_t npos = nargs - nkw;
    Obj *string = npos > 0 ? args[0] : NULL, *maxsplit = npos > 1 ? args[1] : NULL;
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        if (vm_str_eqc(kn, "string"))
            string = args[npos + k];
        else if (vm_str_eqc(kn, "maxsplit"))
            maxsplit = args[npos + k];
        else
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument", STR_DATA(kn));
    }
    if (!string)
        return vm_err_str(&vm_exc_TypeError, "split() missing required argument 'string' (pos 1)");
    int64_t count = 0;
    if (maxsplit && vm_index(maxsplit, &count, "maxsplit") < 0)
        return NULL;
    Subject sj;
    if (subject_init(&sj, p, string) < 0)
        return NULL;
    SubCtx c = {p, string, vm_list_new(0), NULL, NULL, 0, 0, sj.n, true};
    int rc = each_match(p, &sj, 0, sj.n, (ssize_t)count, sub_each, &c);
    subject_free(&sj);
    if (rc < 0 || add_piece(&c, slice_of(string, c.last, sj.n)) < 0) {
        DECREF(c.pieces);
        return NULL;
    }
    return c.pieces;
}

static const struct {
    int64_t bit;
    const char *name;
} flag_names[] = {
    {1, "re.TEMPLATE"}, {2, "re.IGNORECASE"}, {4, "re.LOCALE"}, {8, "re.MULTILINE"},
    {16, "re.DOTALL"}, {32, "re.UNICODE"}, {64, "re.VERBOSE"}, {128, "re.DEBUG"},
    {256, "re.ASCII"},
};

static Obj *pattern_repr(Obj *o)
{
    PatternObj *p = (PatternObj *)o;
    Obj *r = vm_repr(p->pattern);
    if (!r)
        return NULL;
    Buf b = BUF_INIT;
    buf_printf(&b, "re.compile(%.*s", (int)(STR_LEN(r) > 200 ? 200 : STR_LEN(r)), STR_DATA(r));
    DECREF(r);
    int64_t flags = p->flags;
    if (!p->is_bytes && (flags & (4 | 32 | 256)) == 32)
        flags &= ~(int64_t)32;
    if (flags) {
        buf_puts(&b, ", ");
        bool first = true;
        for (size_t i = 0; i < sizeof flag_names / sizeof *flag_names; i++)
            if (flags & flag_names[i].bit) {
                buf_printf(&b, "%s%s", first ? "" : "|", flag_names[i].name);
                first = false;
                flags &= ~flag_names[i].bit;
            }
        if (flags)
            buf_printf(&b, "%s0x%llx", first ? "" : "|", (unsigned long long)flags);
    }
    buf_putc(&b, ')');
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *pattern_getattr(Obj *o, Obj *name)
{
    PatternObj *p = (PatternObj *)o;
    if (vm_str_eqc(name, "pattern"))
        return vm_newref(p->pattern);
    if (vm_str_eqc(name, "flags"))
        return vm_int_from_i64(p->flags);
    if (vm_str_eqc(name, "groups"))
        return vm_int_from_i64(p->groups);
    if (vm_str_eqc(name, "groupindex")) {
        Obj *d = vm_dict_new();
        if (vm_dict_update(d, p->groupindex) < 0) {
            DECREF(d);
            return NULL;
        }
        return d;
    }
    return NULL;
}

static Obj *pattern_richcmp(Obj *a, Obj *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(b) != &pattern_type)
        return vm_newref(VM_NOTIMPL);
    PatternObj *x = (PatternObj *)a, *y = (PatternObj *)b;
    bool eq = x == y;
    if (!eq && x->flags == y->flags && x->is_bytes == y->is_bytes && x->ncode == y->ncode
        && memcmp(x->code, y->code, x->ncode * sizeof(uint32_t)) == 0) {
        int e = vm_eq(x->pattern, y->pattern);
        if (e < 0)
            return NULL;
        eq = e;
    }
    return VM_BOOL(op == CMP_EQ ? eq : !eq);
}

static int pattern_hash(Obj *o, int64_t *out)
{
    PatternObj *p = (PatternObj *)o;
    int64_t h;
    if (vm_hash(p->pattern, &h) < 0)
        return -1;
    *out = h ^ (p->flags * 1000003);
    if (*out == -1)
        *out = -2;
    return 0;
}

static Obj *pattern_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(self);
}

static Obj *class_getitem(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(self);
}

static const MethodDef pattern_methods[] = {
    {"match", pattern_match},
    {"fullmatch", pattern_fullmatch},
    {"search", pattern_search},
    {"findall", pattern_findall},
    {"finditer", pattern_finditer},
    {"sub", pattern_sub},
    {"subn", pattern_subn},
    {"split", pattern_split},
    {"__copy__", pattern_copy},
    {"__deepcopy__", pattern_copy},
    {NULL, NULL},
};

static Type pattern_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "Pattern",
    .base = &vm_object_type,
    .flags = TF_GC,
    .basicsize = sizeof(PatternObj),
    .dealloc = pattern_dealloc,
    .traverse = pattern_traverse,
    .repr = pattern_repr,
    .getattr = pattern_getattr,
    .richcmp = pattern_richcmp,
    .hash = pattern_hash,
    .methods = pattern_methods,
};

/* ---- Match ---- */

/* The group number for index (int or name); -1 with IndexError. */
static ssize_t group_index(MatchObj *m, Obj *g)
{
    int64_t i = -1;
    if (INT_CHECK(g)) {
        if (vm_int_as_i64(g, &i) < 0) {
            vm_err_clear();
            i = -1;
        }
    } else {
        PatternObj *p = (PatternObj *)m->pattern;
        Obj *v = NULL;
        if (vm_dict_lookup(p->groupindex, g, &v) < 0)
            vm_err_clear();
        if (v && INT_CHECK(v) && vm_int_as_i64(v, &i) < 0)
            i = -1;
    }
    if (i < 0 || i >= m->ngroups) {
        vm_err_str(&vm_exc_IndexError, "no such group");
        return -1;
    }
    return (ssize_t)i;
}

static Obj *group_value(MatchObj *m, ssize_t g, Obj *dflt)
{
    if (m->marks[2 * g] < 0 || m->marks[2 * g + 1] < 0)
        return vm_newref(dflt);
    return slice_of(m->string, m->marks[2 * g], m->marks[2 * g + 1]);
}

static Obj *match_group(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MatchObj *m = (MatchObj *)self;
    if (vm_nokw("group", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return group_value(m, 0, VM_NONE);
    if (nargs == 1) {
        ssize_t g = group_index(m, args[0]);
        return g < 0 ? NULL : group_value(m, g, VM_NONE);
    }
    Obj *t = vm_tuple_new((ssize_t)nargs);
    for (size_t i = 0; i < nargs; i++) {
        ssize_t g = group_index(m, args[i]);
        if (g < 0) {
            for (size_t k = i; k < nargs; k++)
                TUPLE_ITEMS(t)[k] = vm_newref(VM_NONE);
            DECREF(t);
            return NULL;
        }
        TUPLE_ITEMS(t)[i] = group_value(m, g, VM_NONE);
    }
    return t;
}

static Obj *match_getitem(Obj *self, Obj *key)
{
    MatchObj *m = (MatchObj *)self;
    ssize_t g = group_index(m, key);
    return g < 0 ? NULL : group_value(m, g, VM_NONE);
}

static Obj *default_arg(const char *name, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    if (nargs - nkw > 1) {
        vm_err_fmt(&vm_exc_TypeError, "%s() takes at most 1 argument (%zu given)", name, nargs);
        return NULL;
    }
    if (nkw == 1 && vm_str_eqc(TUPLE_ITEMS(kwnames)[0], "default"))
        return args[nargs - 1];
    if (nkw) {
        vm_err_fmt(&vm_exc_TypeError, "%s() got an unexpected keyword argument", name);
        return NULL;
    }
    return nargs ? args[0] : VM_NONE;
}

static Obj *match_groups(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MatchObj *m = (MatchObj *)self;
    Obj *dflt = default_arg("groups", args, nargs, kwnames);
    if (!dflt)
        return NULL;
    Obj *t = vm_tuple_new(m->ngroups - 1);
    for (ssize_t g = 1; g < m->ngroups; g++)
        TUPLE_ITEMS(t)[g - 1] = group_value(m, g, dflt);
    return t;
}

static Obj *match_groupdict(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MatchObj *m = (MatchObj *)self;
    Obj *dflt = default_arg("groupdict", args, nargs, kwnames);
    if (!dflt)
        return NULL;
    Obj *d = vm_dict_new();
    PatternObj *p = (PatternObj *)m->pattern;
    ssize_t pos = 0;
    Obj *k, *v;
    while (vm_dict_next(p->groupindex, &pos, &k, &v)) {
        int64_t g;
        if (!INT_CHECK(v) || vm_int_as_i64(v, &g) < 0 || g < 0 || g >= m->ngroups)
            continue;
        Obj *val = group_value(m, (ssize_t)g, dflt);
        int rc = vm_dict_set(d, k, val);
        DECREF(val);
        if (rc < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

static ssize_t span_group(MatchObj *m, Obj *const *args, size_t nargs, const char *name)
{
    if (nargs > 1) {
        vm_err_fmt(&vm_exc_TypeError, "%s expected at most 1 argument, got %zu", name, nargs);
        return -1;
    }
    return nargs ? group_index(m, args[0]) : 0;
}

static Obj *match_start(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MatchObj *m = (MatchObj *)self;
    ssize_t g = span_group(m, args, nargs, "start");
    return g < 0 ? NULL : vm_int_from_i64(m->marks[2 * g]);
}

static Obj *match_end(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MatchObj *m = (MatchObj *)self;
    ssize_t g = span_group(m, args, nargs, "end");
    return g < 0 ? NULL : vm_int_from_i64(m->marks[2 * g + 1]);
}

static Obj *span_tuple(MatchObj *m, ssize_t g)
{
    Obj *v[2] = {vm_int_from_i64(m->marks[2 * g]), vm_int_from_i64(m->marks[2 * g + 1])};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

static Obj *match_span(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MatchObj *m = (MatchObj *)self;
    ssize_t g = span_group(m, args, nargs, "span");
    return g < 0 ? NULL : span_tuple(m, g);
}

static Obj *match_expand(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("expand", kwnames) < 0 || vm_argc("expand", nargs, 1, 1) < 0)
        return NULL;
    MatchObj *m = (MatchObj *)self;
    Obj *re = vm_import_abs(vm_str_intern("re", 2));
    Obj *fn = re ? vm_getattr(re, vm_str_intern("_expand", 7)) : NULL;
    XDECREF(re);
    if (!fn)
        return NULL;
    Obj *a[3] = {m->pattern, self, args[0]};
    Obj *r = vm_call(fn, a, 3, NULL);
    DECREF(fn);
    return r;
}

static Obj *match_repr(Obj *o)
{
    MatchObj *m = (MatchObj *)o;
    Obj *g0 = group_value(m, 0, VM_NONE);
    Obj *r = g0 ? vm_repr(g0) : NULL;
    XDECREF(g0);
    if (!r)
        return NULL;
    Buf b = BUF_INIT;
    buf_printf(&b, "<re.Match object; span=(%zd, %zd), match=%s>", m->marks[0], m->marks[1],
               STR_DATA(r));
    DECREF(r);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *match_getattr(Obj *o, Obj *name)
{
    MatchObj *m = (MatchObj *)o;
    if (vm_str_eqc(name, "string"))
        return vm_newref(m->string);
    if (vm_str_eqc(name, "re"))
        return vm_newref(m->pattern);
    if (vm_str_eqc(name, "pos"))
        return vm_int_from_i64(m->pos);
    if (vm_str_eqc(name, "endpos"))
        return vm_int_from_i64(m->endpos);
    if (vm_str_eqc(name, "lastindex"))
        return m->lastindex < 0 ? vm_newref(VM_NONE) : vm_int_from_i64(m->lastindex);
    if (vm_str_eqc(name, "lastgroup")) {
        PatternObj *p = (PatternObj *)m->pattern;
        if (m->lastindex < 0 || !TUPLE_CHECK(p->indexgroup) || m->lastindex >= TUPLE_LEN(p->indexgroup))
            return vm_newref(VM_NONE);
        return vm_newref(TUPLE_ITEMS(p->indexgroup)[m->lastindex]);
    }
    if (vm_str_eqc(name, "regs")) {
        Obj *t = vm_tuple_new(m->ngroups);
        for (ssize_t g = 0; g < m->ngroups; g++)
            TUPLE_ITEMS(t)[g] = span_tuple(m, g);
        return t;
    }
    return NULL;
}

static const MethodDef match_methods[] = {
    {"group", match_group},
    {"groups", match_groups},
    {"groupdict", match_groupdict},
    {"start", match_start},
    {"end", match_end},
    {"span", match_span},
    {"expand", match_expand},
    {"__copy__", pattern_copy},
    {"__deepcopy__", pattern_copy},
    {NULL, NULL},
};

static Type match_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "Match",
    .base = &vm_object_type,
    .flags = TF_GC,
    .basicsize = sizeof(MatchObj),
    .dealloc = match_dealloc,
    .traverse = match_traverse,
    .repr = match_repr,
    .getattr = match_getattr,
    .getitem = match_getitem,
    .methods = match_methods,
};

/* ---- module functions ---- */

/* compile(pattern, flags, code, groups, groupindex, indexgroup) */
static Obj *sre_compile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("compile", kwnames) < 0 || vm_argc("compile", nargs, 6, 6) < 0)
        return NULL;
    int64_t flags, groups;
    if (vm_index(args[1], &flags, "flags") < 0 || vm_index(args[3], &groups, "groups") < 0)
        return NULL;
    Obj *code = vm_list_from_iter(args[2]);
    if (!code)
        return NULL;
    PatternObj *p = vm_alloc(&pattern_type, 0);
    p->pattern = vm_newref(args[0]);
    p->flags = flags;
    p->groups = (ssize_t)groups;
    p->groupindex = vm_newref(args[4]);
    p->indexgroup = vm_newref(args[5]);
    p->is_bytes = BYTES_CHECK(args[0]);
    p->ncode = (size_t)LIST_LEN(code);
    p->code = malloc((p->ncode + 1) * sizeof(uint32_t));
    if (!p->code)
        ls_die(LS_EXIT_USAGE, "out of memory");
    for (size_t i = 0; i < p->ncode; i++) {
        int64_t w;
        if (vm_index(LIST_ITEMS(code)[i], &w, "code") < 0) {
            DECREF(code);
            DECREF(p);
            return NULL;
        }
        p->code[i] = (uint32_t)w;
    }
    p->code[p->ncode] = SOP_FAILURE;
    DECREF(code);
    return (Obj *)p;
}

static int64_t char_arg(Obj *const *args, size_t nargs, const char *name, bool *ok)
{
    int64_t c = 0;
    *ok = vm_argc(name, nargs, 1, 1) == 0 && vm_index(args[0], &c, "character") == 0;
    return c;
}

static Obj *sre_ascii_iscased(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    bool ok;
    int64_t c = char_arg(args, nargs, "ascii_iscased", &ok);
    return ok ? VM_BOOL(c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z')) : NULL;
}

static Obj *sre_unicode_iscased(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    bool ok;
    int64_t c = char_arg(args, nargs, "unicode_iscased", &ok);
    if (!ok)
        return NULL;
    uint32_t u = (uint32_t)c;
    return VM_BOOL(u != map1(u, UC_MAP_LOWER) || u != map1(u, UC_MAP_UPPER));
}

static Obj *sre_ascii_tolower(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    bool ok;
    int64_t c = char_arg(args, nargs, "ascii_tolower", &ok);
    return ok ? vm_int_from_i64(lower_ascii((uint32_t)c)) : NULL;
}

static Obj *sre_unicode_tolower(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    bool ok;
    int64_t c = char_arg(args, nargs, "unicode_tolower", &ok);
    return ok ? vm_int_from_i64(lower_uni((uint32_t)c)) : NULL;
}

static Obj *sre_getcodesize(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(4);
}

Obj *vm_mod__sre(void)
{
    Obj *m = vm_module_new("_sre");
    if (!m)
        return NULL;
    vm_type_ready(&pattern_type);
    vm_type_ready(&match_type);
    Obj *mod = vm_str_cstr("re");
    if (!pattern_type.module)
        pattern_type.module = vm_newref(mod);
    if (!match_type.module)
        match_type.module = vm_newref(mod);
    DECREF(mod);
    static bool cg;
    if (!cg) {
        cg = true;
        /* Pattern[str] and Match[str] (typing) */
        Obj *f = vm_builtin_new("__class_getitem__", class_getitem, NULL);
        Obj *cm = vm_call((Obj *)&vm_classmethod_type, &f, 1, NULL);
        DECREF(f);
        if (!cm || vm_dict_set_cstr(pattern_type.dict, "__class_getitem__", cm) < 0
            || vm_dict_set_cstr(match_type.dict, "__class_getitem__", cm) < 0)
            ls_die(LS_EXIT_USAGE, "internal error: _sre setup");
        DECREF(cm);
    }
    vm_module_add_func(m, "compile", sre_compile);
    vm_module_add_func(m, "ascii_iscased", sre_ascii_iscased);
    vm_module_add_func(m, "unicode_iscased", sre_unicode_iscased);
    vm_module_add_func(m, "ascii_tolower", sre_ascii_tolower);
    vm_module_add_func(m, "unicode_tolower", sre_unicode_tolower);
    vm_module_add_func(m, "getcodesize", sre_getcodesize);
    Obj *v = vm_int_from_i64(SRE_MAGIC);
    vm_module_add(m, "MAGIC", v);
    DECREF(v);
    v = vm_int_from_i64(4);
    vm_module_add(m, "CODESIZE", v);
    DECREF(v);
    v = vm_int_from_i64(MAXREPEAT);
    vm_module_add(m, "MAXREPEAT", v);
    DECREF(v);
    v = vm_int_from_i64(MAXGROUPS);
    vm_module_add(m, "MAXGROUPS", v);
    DECREF(v);
    v = vm_str_cstr("copyright pyvm");
    vm_module_add(m, "copyright", v);
    DECREF(v);
    return m;
}
