/* cmd/pytok/tokenizer.c: the tokenizer stage, Python source -> tokens
 * (format "tokens", formats/tokens.md).
 *
 * Two references, one pass:
 *  - the tokens themselves are what Lib/tokenize.py produces (what
 *    `python3 -m tokenize -e` prints): its line-by-line loop is followed
 *    closely, quirks included (ENCODING first, COMMENT and NL tokens, DEDENT
 *    at the first token of the dedented line, the implicit NEWLINE '' after
 *    a last line without newline, \w-based names);
 *  - the errors are those of CPython's C tokenizer (Parser/tokenizer.c), with
 *    its messages and its error locations, because `python3 FILE` is the
 *    reference for invalid input.
 * Where the two disagree on valid input, tokenize.py wins.  The one place
 * where they read the bytes differently is a lone CR: a line end for
 * CPython, a character for tokenize (its bytes readline splits at LF only).
 * A source with a lone CR is therefore scanned twice: once with CRs as LFs
 * for CPython's errors, then as it is for tokenize's tokens.
 *
 * Passes: decode (BOM, PEP 263 cookie, transcoding to UTF-8 with the tables
 * of cmd/pytok/codecs.inc, UTF-8 check), then the line loop (indentation,
 * comments, blank lines), then the token scanner within a line (numbers,
 * strings, names, operators).
 * Errors unwind with longjmp; everything lives in the caller's Arena.
 */
#include "cmd/pytok/tokenizer.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/unicode.h"

#define TABSIZE 8       /* tokenize.py's and the C tokenizer's tab stop */
#define MAXINDENT 100   /* CPython's limit on indentation levels */
#define MAXLEVEL 200    /* CPython's limit on nested brackets */
#define POOL_CHUNK 65536 /* bytes of token text allocated at a time */

/* An undecodable byte sequence in a source declared UTF-8 (by a BOM or a
 * cookie).  CPython reads such a file as raw bytes and only fails where a
 * token's text gets decoded (a string, a name); a comment may hold anything.
 * The scanner sees a copy with each sequence replaced by U+FFFD. */
typedef struct BadSeq {
    size_t at;                /* offset of its U+FFFD in the copy */
    unsigned char bytes[4];   /* the original bytes it stands for ... */
    int len;                  /* ... and how many (1-3) */
} BadSeq;

/* The state of one tokenization. */
typedef struct Tok {
    Arena *a;                 /* where everything is allocated */
    const char *filename;     /* for messages */
    bool text_input;          /* the source is decoded text (compile() of a
                                 str): a coding cookie is not applied */
    const char *src;          /* the source, UTF-8 (the caller's bytes or a transcoding) */
    const char *end;          /* its end; never read */

    const char *line;         /* start of the current physical line */
    const char *line_end;     /* one past its '\n', or end */
    int lnum;                 /* its 1-based number */
    bool line_ascii;          /* it holds only ASCII: columns are bytes */
    const char *col_p;        /* column cache: a position in the line ... */
    int col_c;                /* ... and its column in characters */

    int indents[MAXINDENT + 1];    /* tokenize's indentation stack (tabs to 8) */
    int altindents[MAXINDENT + 1]; /* the same with tabs as 1 (TabError check) */
    int nind;                      /* entries in use; indents[0] is 0 */

    int level;                     /* bracket depth */
    char paren[MAXLEVEL];          /* the open brackets ... */
    int paren_lnum[MAXLEVEL];      /* ... their lines ... */
    const char *paren_pos[MAXLEVEL];   /* ... their positions ... */
    const char *paren_line[MAXLEVEL];  /* ... and the starts of their lines */

    bool continued;           /* the last line ended with a backslash */
    bool lenient;             /* CPython found no error (it read lone CRs as
                                 line ends): a backslash before a lone CR is
                                 an ERRORTOKEN, as tokenize.py has it */
    int stmt_tokens;          /* tokens of the logical line so far */
    TokenList *out;           /* the tokens */
    char *pool;               /* token texts are packed here, unaligned ... */
    size_t pool_left;         /* ... while this many bytes remain */
    size_t cap_hint;          /* first size of out->toks: pages only get
                                 touched when used, so aim high */
    Diag *err;                /* filled on error */
    TokStatus status;         /* what the longjmp means */
    jmp_buf fail;             /* where errors unwind to */
    bool truncated;           /* src stops early at an undecodable line */
    const char *bad_utf8;     /* then: CPython's message about that line */
    const BadSeq *bad;        /* declared UTF-8 that is not: the replaced */
    size_t nbad;              /* sequences, in source order */
    const char *pending_decode; /* a string's decoding error, raised at
                                   the next token that is not a string */
    bool eof_error;           /* the error was found at the end of src */
    TokWarning *warn_head;    /* warnings, oldest first */
    TokWarning **warn_tail;   /* where the next warning is linked */
} Tok;

/* ---- small helpers ---------------------------------------------------- */

static char *afmt(Arena *a, const char *fmt, ...) LS_PRINTF(2, 3);
static char *afmt(Arena *a, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    return arena_strdup(a, tmp);
}

/* Characters (code points) in the UTF-8 bytes [p, q). */
static int nchars(const char *p, const char *q)
{
    return (int)ls_utf8_count(p, (size_t)(q - p));
}

static bool is_ascii(const char *p, const char *q)
{
    for (; p < q; p++)
        if ((unsigned char)*p >= 0x80)
            return false;
    return true;
}

/* Make the line starting at p the current line, numbered lnum. */
static void set_line(Tok *T, const char *p, int lnum)
{
    const char *nl = memchr(p, '\n', (size_t)(T->end - p));
    T->line = p;
    T->line_end = nl ? nl + 1 : T->end;
    T->lnum = lnum;
    T->line_ascii = is_ascii(p, T->line_end);
    T->col_p = p;
    T->col_c = 0;
}

/* Column in characters of p, a position in the current line. */
static inline int colof(Tok *T, const char *p)
{
    if (LS_LIKELY(T->line_ascii))
        return (int)(p - T->line);
    if (p < T->col_p) {
        T->col_p = T->line;
        T->col_c = 0;
    }
    T->col_c += nchars(T->col_p, p);
    T->col_p = p;
    return T->col_c;
}

/* The line starting at p, without its line end ("\n" or "\r\n"). */
static const char *line_text(Tok *T, const char *p)
{
    const char *q = p;
    while (q < T->end && *q != '\n')
        q++;
    if (q > p && q[-1] == '\r')
        q--;
    return arena_strndup(T->a, p, (size_t)(q - p));
}

/* Length in characters of the line starting at p, without its line end. */
static int line_chars(Tok *T, const char *p)
{
    const char *q = p;
    while (q < T->end && *q != '\n')
        q++;
    if (q > p && q[-1] == '\r')
        q--;
    return nchars(p, q);
}

/* Raise an error: lineno, 1-based character offset, end offset (0: one
 * caret), the text of the line starting at line (NULL: no text). */
static noreturn void fail_at(Tok *T, const char *type, int lineno, int offset, int end_offset,
                             const char *line, const char *msg)
{
    Diag *d = T->err;
    d->type = type;
    d->msg = msg;
    d->filename = T->filename;
    d->lineno = lineno;
    d->offset = offset;
    d->end_lineno = lineno;
    d->end_offset = end_offset;
    d->text = line ? line_text(T, line) : NULL;
    T->status = TOK_STATUS_ERROR;
    longjmp(T->fail, 1);
}

/* The C tokenizer's syntaxerror(): the caret under the character before
 * cur, on the current line. */
static noreturn void syntax_error(Tok *T, const char *cur, const char *msg)
{
    int off = nchars(T->line, cur);
    fail_at(T, "SyntaxError", T->lnum, off, off, T->line, msg);
}

/* An error without location ("SyntaxError: encoding problem: foo"). */
static noreturn void fail_plain(Tok *T, const char *msg)
{
    Diag *d = T->err;
    memset(d, 0, sizeof *d);
    d->type = "SyntaxError";
    d->msg = msg;
    d->filename = T->filename;
    T->status = TOK_STATUS_ERROR;
    longjmp(T->fail, 1);
}

static noreturn void unsupported(Tok *T, const char *msg)
{
    Diag *d = T->err;
    memset(d, 0, sizeof *d);
    d->msg = msg;
    d->filename = T->filename;
    T->status = TOK_STATUS_UNSUPPORTED;
    longjmp(T->fail, 1);
}

static void warn(Tok *T, const char *msg)
{
    TokWarning *w = arena_alloc(T->a, sizeof *w);
    w->category = "SyntaxWarning";
    w->msg = msg;
    w->lineno = T->lnum;
    w->text = line_text(T, T->line);
    *T->warn_tail = w;
    T->warn_tail = &w->next;
}

/* ---- output ----------------------------------------------------------- */

static noreturn void raise_pending_decode(Tok *T, const char *s, int sl);

static void emit(Tok *T, TokType type, const char *s, size_t n, int sl, int sc, int el, int ec)
{
    TokenList *L = T->out;
    if (LS_UNLIKELY(T->pending_decode) && type != TOK_STRING && type != TOK_COMMENT &&
        type != TOK_NL)
        raise_pending_decode(T, s, sl);
    if (L->len == L->cap) {
        L->cap = L->cap ? L->cap * 2 : T->cap_hint;
        L->toks = ls_xrealloc(L->toks, L->cap * sizeof *L->toks);
    }
    Token *t = &L->toks[L->len++];
    if (type == TOK_NEWLINE)
        T->stmt_tokens = 0;
    else if (type != TOK_NL && type != TOK_COMMENT && type != TOK_INDENT && type != TOK_DEDENT &&
             type != TOK_ENCODING)
        T->stmt_tokens++;
    t->type = type;
    if (n == 0) {
        t->str = "";
    } else if (n < POOL_CHUNK / 16) {
        if (T->pool_left < n + 1) {
            T->pool = arena_alloc(T->a, POOL_CHUNK);
            T->pool_left = POOL_CHUNK;
        }
        memcpy(T->pool, s, n);
        T->pool[n] = '\0';
        t->str = T->pool;
        T->pool += n + 1;
        T->pool_left -= n + 1;
    } else {
        t->str = arena_strndup(T->a, s, n);
    }
    t->len = n;
    t->lineno = sl;
    t->col = sc;
    t->end_lineno = el;
    t->end_col = ec;
}

/* A token within the current line, from p to q. */
static inline void emit_here(Tok *T, TokType type, const char *p, const char *q)
{
    int c0 = colof(T, p);
    emit(T, type, p, (size_t)(q - p), T->lnum, c0, T->lnum, colof(T, q));
}

/* ---- numbers (Parser/tokenizer.c's rules and messages) ---------------- */

/* The number scanner reads characters as the C tokenizer does: past the end
 * of the source it sees one '\n' (CPython adds a newline to a last line
 * that lacks one). */
static inline int nextc(Tok *T, const char **cur)
{
    const char *p = (*cur)++;
    return p < T->end ? (unsigned char)*p : '\n';
}

static inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static inline bool is_ident_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' ||
           c >= 128;
}

/* Do the characters at p spell s? */
static bool looking_at(Tok *T, const char *p, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(T->end - p) >= n && memcmp(p, s, n) == 0;
}

/* verify_end_of_number(): c was just read, *cur is after it. */
static void verify_end(Tok *T, const char **cur, int c, const char *kind)
{
    const char *q = *cur;
    bool kw = false;
    switch (c) {
    case 'a': kw = looking_at(T, q, "nd"); break;
    case 'e': kw = looking_at(T, q, "lse"); break;
    case 'f': kw = looking_at(T, q, "or"); break;
    case 'o': kw = looking_at(T, q, "r"); break;
    case 'n': kw = looking_at(T, q, "ot"); break;
    case 'i': kw = q < T->end && (*q == 'f' || *q == 'n' || *q == 's'); break;
    default: break;
    }
    if (kw) {
        warn(T, afmt(T->a, "invalid %s literal", kind));
        return;
    }
    if (is_ident_char(c)) {
        (*cur)--;
        syntax_error(T, *cur, afmt(T->a, "invalid %s literal", kind));
    }
}

/* tok_decimal_tail(): digits with single underscores; returns the first
 * character after them (already read). */
static int decimal_tail(Tok *T, const char **cur)
{
    int c;
    for (;;) {
        do
            c = nextc(T, cur);
        while (is_digit(c));
        if (c != '_')
            return c;
        c = nextc(T, cur);
        if (!is_digit(c)) {
            (*cur)--;
            syntax_error(T, *cur, "invalid decimal literal");
        }
    }
}

/* Radix digits after 0x/0o/0b, with single underscores. */
static int radix_digits(Tok *T, const char **cur, int radix, const char *kind)
{
    int c = nextc(T, cur);
    do {
        if (c == '_')
            c = nextc(T, cur);
        bool ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c))
                syntax_error(T, *cur, afmt(T->a, "invalid digit '%c' in %s literal", c, kind));
            (*cur)--;
            syntax_error(T, *cur, afmt(T->a, "invalid %s literal", kind));
        }
        do {
            c = nextc(T, cur);
            ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        } while (ok);
    } while (c == '_');
    if (radix != 16 && is_digit(c))
        syntax_error(T, *cur, afmt(T->a, "invalid digit '%c' in %s literal", c, kind));
    return c;
}

/* NUMBER starting at p (a digit, or '.' before a digit); returns its end. */
static const char *scan_number(Tok *T, const char *p)
{
    const char *cur = p;
    int c = nextc(T, &cur);

    if (c == '.') {
        c = nextc(T, &cur);
        goto fraction;
    }
    if (c == '0') {
        c = nextc(T, &cur);
        if (c == 'x' || c == 'X') {
            c = radix_digits(T, &cur, 16, "hexadecimal");
            verify_end(T, &cur, c, "hexadecimal");
            return cur - 1;
        }
        if (c == 'o' || c == 'O') {
            c = radix_digits(T, &cur, 8, "octal");
            verify_end(T, &cur, c, "octal");
            return cur - 1;
        }
        if (c == 'b' || c == 'B') {
            c = radix_digits(T, &cur, 2, "binary");
            verify_end(T, &cur, c, "binary");
            return cur - 1;
        }
        bool nonzero = false;
        for (;;) {                      /* zeros, maybe with underscores */
            if (c == '_') {
                c = nextc(T, &cur);
                if (!is_digit(c)) {
                    cur--;
                    syntax_error(T, cur, "invalid decimal literal");
                }
            }
            if (c != '0')
                break;
            c = nextc(T, &cur);
        }
        const char *zeros_end = cur;
        if (is_digit(c)) {
            nonzero = true;
            c = decimal_tail(T, &cur);
        }
        if (c == '.') {
            c = nextc(T, &cur);
            goto fraction;
        }
        if (c == 'e' || c == 'E')
            goto exponent;
        if (c == 'j' || c == 'J')
            goto imaginary;
        if (nonzero) {
            /* CPython gives this one a byte range, not characters. */
            int off = (int)(p - T->line) + 1;
            fail_at(T, "SyntaxError", T->lnum, off, (int)(zeros_end - T->line), T->line,
                    "leading zeros in decimal integer literals are not permitted; "
                    "use an 0o prefix for octal integers");
        }
        verify_end(T, &cur, c, "decimal");
        return cur - 1;
    }
    c = decimal_tail(T, &cur);
    if (c == '.') {
        c = nextc(T, &cur);
fraction:
        if (is_digit(c))
            c = decimal_tail(T, &cur);
    }
    if (c == 'e' || c == 'E') {
        int e;
exponent:
        e = c;
        c = nextc(T, &cur);
        if (c == '+' || c == '-') {
            c = nextc(T, &cur);
            if (!is_digit(c)) {
                cur--;
                syntax_error(T, cur, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            cur--;
            verify_end(T, &cur, e, "decimal");
            return cur - 1;
        }
        c = decimal_tail(T, &cur);
    }
    if (c == 'j' || c == 'J') {
imaginary:
        c = nextc(T, &cur);
        verify_end(T, &cur, c, "imaginary");
    } else {
        verify_end(T, &cur, c, "decimal");
    }
    return cur - 1;
}

/* ---- undecodable bytes in declared UTF-8 ------------------------------ */

/* The replaced sequence whose U+FFFD is at p, or NULL. */
static const BadSeq *bad_at(Tok *T, const char *p)
{
    size_t off = (size_t)(p - T->src);
    size_t lo = 0, hi = T->nbad;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (T->bad[mid].at < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < T->nbad && T->bad[lo].at == off ? &T->bad[lo] : NULL;
}

/* The first replaced sequence in [p, q), or NULL. */
static const BadSeq *bad_in(Tok *T, const char *p, const char *q)
{
    for (size_t i = 0; i < T->nbad; i++) {
        size_t at = T->bad[i].at;
        if (at >= (size_t)(p - T->src) && at < (size_t)(q - T->src))
            return &T->bad[i];
    }
    return NULL;
}

/* How many bytes a UTF-8 sequence led by b needs after it (-1: b never
 * starts one), and the range its first continuation byte must be in. */
static int utf8_needs(unsigned b, unsigned *lo, unsigned *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        return 1;
    if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0)
            *lo = 0xA0;
        if (b == 0xED)
            *hi = 0x9F;
        return 2;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0)
            *lo = 0x90;
        if (b == 0xF4)
            *hi = 0x8F;
        return 3;
    }
    return -1;
}

/* CPython's UTF-8 codec message for the replaced sequence bad, decoding
 * the chunk [chunk, chunk_end) of a token's text: the position counts the
 * original bytes from chunk. */
static const char *undecodable_msg(Tok *T, const BadSeq *bad, const char *chunk,
                                   const char *chunk_end)
{
    const char *at = T->src + bad->at;
    size_t pos = (size_t)(at - chunk);
    for (size_t i = 0; i < T->nbad; i++)
        if (T->bad[i].at >= (size_t)(chunk - T->src) && T->bad[i].at < bad->at)
            pos -= (size_t)(3 - T->bad[i].len);
    unsigned lo, hi;
    int need = utf8_needs(bad->bytes[0], &lo, &hi);
    const char *why;
    if (need < 0)
        why = "invalid start byte";
    else if (bad->len <= need && at + 3 >= chunk_end)
        why = "unexpected end of data";
    else
        why = "invalid continuation byte";
    const char *what = bad->len > 1
        ? afmt(T->a, "bytes in position %zu-%zu", pos, pos + (size_t)bad->len - 1)
        : afmt(T->a, "byte 0x%02x in position %zu", bad->bytes[0], pos);
    return afmt(T->a, "(unicode error) 'utf-8' codec can't decode %s: %s", what, why);
}

static int cpython_offset(Tok *T, const char *ls, const char *p, size_t extra);

/* A name [p, q) holding the replaced character at r: the C tokenizer's
 * verify_identifier() decodes the name and fails, its caret at the name's
 * end (in bytes, as cpython_offset()). */
static void check_decodable(Tok *T, const char *p, const char *r, const char *q)
{
    const BadSeq *bad = bad_at(T, r);
    if (bad) {
        int off = cpython_offset(T, T->line, q, 0);
        fail_at(T, "SyntaxError", T->lnum, off, off, T->line, undecodable_msg(T, bad, p, q));
    }
}

/* A string token from start, its opening quote at q (size 1 or 3), ending
 * at end.  CPython decodes it in the parser, after it has read the token
 * that follows the strings: the error waits for that token (emit()).
 * Bytes literals are left to the AST stage (non-ASCII is an error there
 * anyway).  A raw literal, or one without backslashes, is decoded whole;
 * otherwise (and in f-strings) each run of non-ASCII bytes by itself. */
static void check_decodable_string(Tok *T, const char *start, const char *q, int size,
                                   const char *end)
{
    bool raw = false, fstr = false;
    for (const char *p = start; p < q; p++) {
        if (*p == 'b' || *p == 'B')
            return;
        raw |= *p == 'r' || *p == 'R';
        fstr |= *p == 'f' || *p == 'F';
    }
    const char *body = q + size, *body_end = end - size;
    const BadSeq *bad = bad_in(T, body, body_end);
    if (!bad || T->pending_decode)
        return;
    const char *at = T->src + bad->at;
    const char *chunk = body, *chunk_end = body_end;
    if (fstr || (!raw && memchr(body, '\\', (size_t)(body_end - body)))) {
        for (chunk = at; chunk > body && (unsigned char)chunk[-1] >= 0x80; chunk--)
            ;
        for (chunk_end = at; chunk_end < body_end && (unsigned char)*chunk_end >= 0x80;
             chunk_end++)
            ;
    }
    T->pending_decode = undecodable_msg(T, bad, chunk, chunk_end);
}

/* CPython's 1-based character offset for a byte column: it takes the
 * first `bytes` bytes of the line with each bad sequence turned into
 * U+FFFD (3 bytes) and counts their characters, a cut one included.  The
 * position p (in the line starting at ls) gives the byte column in the
 * original line; extra is added. */
static int cpython_offset(Tok *T, const char *ls, const char *p, size_t extra)
{
    size_t col = (size_t)(p - ls);
    for (size_t i = 0; i < T->nbad; i++)
        if (T->src + T->bad[i].at >= ls && T->src + T->bad[i].at < p)
            col -= (size_t)(3 - T->bad[i].len);
    col += extra;
    const char *le = memchr(ls, '\n', (size_t)(T->end - ls));
    size_t llen = (size_t)((le ? le : T->end) - ls);
    if (col > llen)
        return nchars(ls, ls + llen) + 1;
    return nchars(ls, ls + col);
}

/* The token after the strings, at s on line sl, is read: raise the
 * pending decoding error there, as CPython's parser does (its caret: the
 * token's 1-based byte column, as cpython_offset()). */
static noreturn void raise_pending_decode(Tok *T, const char *s, int sl)
{
    const char *ls = T->line;
    if (s >= T->src && s <= T->end) {
        for (ls = s; ls > T->src && ls[-1] != '\n'; ls--)
            ;
    } else {    /* the NEWLINE added after a last line without one */
        s = T->line_end;
    }
    int off = cpython_offset(T, ls, s, 1);
    fail_at(T, "SyntaxError", sl, off, off, ls, T->pending_decode);
}

/* ---- strings ---------------------------------------------------------- */

/* STRING from start (its prefix) whose opening quote is at q; may run over
 * several lines, moving the current line along.  Emits the token and
 * returns its end. */
static const char *scan_string(Tok *T, const char *start, const char *q)
{
    int quote = (unsigned char)*q;
    int size = 1, endq = 0;
    int first_lnum = T->lnum;
    const char *first_line = T->line;
    int scol = colof(T, start);
    const char *cur = q + 1;

    if (cur < T->end && *cur == quote) {
        if (cur + 1 < T->end && cur[1] == quote) {
            size = 3;
            cur += 2;
        } else {
            endq = 1;
            cur++;
        }
    }
    while (endq != size) {
        if (cur >= T->end || (size == 1 && *cur == '\n')) {
            int detected = T->lnum;
            int off = nchars(first_line, start) + 1;
            T->eof_error = cur >= T->end;
            fail_at(T, "SyntaxError", first_lnum, off, off, first_line,
                    afmt(T->a, size == 3 ? "unterminated triple-quoted string literal"
                                           " (detected at line %d)"
                                         : "unterminated string literal (detected at"
                                           " line %d)",
                         detected));
        }
        int c = (unsigned char)*cur++;
        if (c == quote) {
            endq++;
            continue;
        }
        endq = 0;
        if (c == '\\' && cur < T->end) {
            c = (unsigned char)*cur++;
            if (c == '\r' && cur < T->end && *cur == '\n')
                c = (unsigned char)*cur++;  /* backslash, CR LF */
        }
        if (c == '\n' && cur < T->end)
            set_line(T, cur, T->lnum + 1);
    }
    if (LS_UNLIKELY(T->nbad))
        check_decodable_string(T, start, q, size, cur);
    emit(T, TOK_STRING, start, (size_t)(cur - start), first_lnum, scol, T->lnum, colof(T, cur));
    return cur;
}

/* Is there a string prefix (b, r, u, f, br, rb, fr, rf in any case) at p
 * followed by a quote?  Returns the quote's position or NULL. */
static const char *string_prefix(const char *p, const char *end)
{
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (; p < end; p++) {
        int c = (unsigned char)*p;
        if (c == '"' || c == '\'')
            return p;
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
            saw_b = true;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
            saw_u = true;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
            saw_r = true;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
            saw_f = true;
        else
            return NULL;
    }
    return NULL;
}

/* ---- names ------------------------------------------------------------ */

/* tokenize.py's "[0-9](?:_?[0-9])*" at p (before q), or NULL. */
static const char *digitpart(const char *p, const char *q)
{
    if (p >= q || !is_digit((unsigned char)*p))
        return NULL;
    p++;
    while (p < q) {
        if (is_digit((unsigned char)*p))
            p++;
        else if (*p == '_' && p + 1 < q && is_digit((unsigned char)p[1]))
            p += 2;
        else
            break;
    }
    return p;
}

/* "(?:_?[radix digit])+" at p, or NULL. */
static const char *radixpart(const char *p, const char *q, int radix)
{
    const char *start = p;
    while (p < q) {
        const char *d = *p == '_' ? p + 1 : p;
        if (d >= q)
            break;
        int c = (unsigned char)*d;
        bool ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok)
            break;
        p = d + 1;
    }
    return p > start ? p : NULL;
}

/* tokenize.py's Number regex at p, an ASCII digit inside an identifier run
 * [p, q) (so no '.', '+' or '-' can follow): its end. */
static const char *run_number(const char *p, const char *q)
{
    const char *d = digitpart(p, q);
    if (d < q && (*d == 'j' || *d == 'J'))
        return d + 1;                                   /* Imagnumber */
    const char *e = NULL;
    if (d < q && (*d == 'e' || *d == 'E'))
        e = digitpart(d + 1, q);
    if (e && e < q && (*e == 'j' || *e == 'J'))
        return e + 1;                                   /* Expfloat j */
    if (e)
        return e;                                       /* Expfloat */
    if (*p == '0' && p + 1 < q) {
        int x = p[1] | 0x20;
        int radix = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 0;
        const char *r = radix ? radixpart(p + 2, q, radix) : NULL;
        if (r)
            return r;
    }
    if (*p == '0') {                                    /* 0(?:_?0)* */
        const char *r = p + 1;
        while (r < q && (*r == '0' || (*r == '_' && r + 1 < q && r[1] == '0')))
            r += *r == '_' ? 2 : 1;
        return r;
    }
    return d;
}

/* An identifier run from p (ASCII letters, digits, '_' and any non-ASCII):
 * checked like the C tokenizer's verify_identifier(), then emitted as
 * tokenize.py does (\w+ runs; other characters one by one as ERRORTOKEN). */
static const char *scan_name(Tok *T, const char *p)
{
    const char *q = p;
    bool ascii = true;
    while (q < T->end && is_ident_char((unsigned char)*q)) {
        if ((unsigned char)*q >= 0x80)
            ascii = false;
        q++;
    }
    if (LS_LIKELY(ascii)) {
        emit_here(T, TOK_NAME, p, q);
        return q;
    }
    /* verify_identifier() */
    for (const char *r = p; r < q;) {
        uint32_t cp;
        int n = ls_utf8_decode(r, (size_t)(q - r), &cp);
        if (n <= 0) {
            n = 1;
            cp = 0xFFFD;
        }
        bool ok = r == p ? ls_uni_is_xid_start(cp) : ls_uni_is_xid_continue(cp);
        if (!ok && T->nbad)
            check_decodable(T, p, r, q);
        if (!ok) {
            const char *msg;
            if (ls_uni_isprintable(cp))
                msg = afmt(T->a, "invalid character '%.*s' (U+%04X)", n, r, (unsigned)cp);
            else
                msg = afmt(T->a, "invalid non-printable character U+%04X", (unsigned)cp);
            syntax_error(T, r + n, msg);
        }
        r += n;
    }
    /* tokenize.py: Name = \w+, then initial.isidentifier() decides NAME/OP;
     * an ASCII digit after a character outside \w starts a Number */
    for (const char *r = p; r < q;) {
        uint32_t cp;
        int n = ls_utf8_decode(r, (size_t)(q - r), &cp);
        if (is_digit((int)cp)) {
            const char *e = run_number(r, q);
            emit_here(T, TOK_NUMBER, r, e);
            r = e;
            continue;
        }
        if (!ls_uni_is_word(cp)) {
            emit_here(T, TOK_ERRORTOKEN, r, r + n);
            r += n;
            continue;
        }
        bool ident = ls_uni_is_xid_start(cp);
        const char *s = r;
        while (r < q) {
            n = ls_utf8_decode(r, (size_t)(q - r), &cp);
            if (!ls_uni_is_word(cp))
                break;
            r += n;
        }
        emit_here(T, ident ? TOK_NAME : TOK_OP, s, r);
    }
    return q;
}

/* ---- operators -------------------------------------------------------- */

/* The operator at p (longest match), its length in *n; TOK_OP: none. */
static TokType scan_op(const char *p, const char *end, int *n)
{
    int c = (unsigned char)p[0];
    int c2 = p + 1 < end ? (unsigned char)p[1] : 0;
    int c3 = p + 2 < end ? (unsigned char)p[2] : 0;
    *n = 1;
    switch (c) {
    case '(': return TOK_LPAR;
    case ')': return TOK_RPAR;
    case '[': return TOK_LSQB;
    case ']': return TOK_RSQB;
    case '{': return TOK_LBRACE;
    case '}': return TOK_RBRACE;
    case ',': return TOK_COMMA;
    case ';': return TOK_SEMI;
    case '~': return TOK_TILDE;
    case ':':
        if (c2 == '=') { *n = 2; return TOK_COLONEQUAL; }
        return TOK_COLON;
    case '.':
        if (c2 == '.' && c3 == '.') { *n = 3; return TOK_ELLIPSIS; }
        return TOK_DOT;
    case '+':
        if (c2 == '=') { *n = 2; return TOK_PLUSEQUAL; }
        return TOK_PLUS;
    case '-':
        if (c2 == '=') { *n = 2; return TOK_MINEQUAL; }
        if (c2 == '>') { *n = 2; return TOK_RARROW; }
        return TOK_MINUS;
    case '*':
        if (c2 == '*') {
            if (c3 == '=') { *n = 3; return TOK_DOUBLESTAREQUAL; }
            *n = 2;
            return TOK_DOUBLESTAR;
        }
        if (c2 == '=') { *n = 2; return TOK_STAREQUAL; }
        return TOK_STAR;
    case '/':
        if (c2 == '/') {
            if (c3 == '=') { *n = 3; return TOK_DOUBLESLASHEQUAL; }
            *n = 2;
            return TOK_DOUBLESLASH;
        }
        if (c2 == '=') { *n = 2; return TOK_SLASHEQUAL; }
        return TOK_SLASH;
    case '|':
        if (c2 == '=') { *n = 2; return TOK_VBAREQUAL; }
        return TOK_VBAR;
    case '&':
        if (c2 == '=') { *n = 2; return TOK_AMPEREQUAL; }
        return TOK_AMPER;
    case '^':
        if (c2 == '=') { *n = 2; return TOK_CIRCUMFLEXEQUAL; }
        return TOK_CIRCUMFLEX;
    case '%':
        if (c2 == '=') { *n = 2; return TOK_PERCENTEQUAL; }
        return TOK_PERCENT;
    case '@':
        if (c2 == '=') { *n = 2; return TOK_ATEQUAL; }
        return TOK_AT;
    case '=':
        if (c2 == '=') { *n = 2; return TOK_EQEQUAL; }
        return TOK_EQUAL;
    case '!':
        if (c2 == '=') { *n = 2; return TOK_NOTEQUAL; }
        return TOK_OP;                  /* '!' alone is no operator */
    case '<':
        if (c2 == '<') {
            if (c3 == '=') { *n = 3; return TOK_LEFTSHIFTEQUAL; }
            *n = 2;
            return TOK_LEFTSHIFT;
        }
        if (c2 == '=') { *n = 2; return TOK_LESSEQUAL; }
        return TOK_LESS;
    case '>':
        if (c2 == '>') {
            if (c3 == '=') { *n = 3; return TOK_RIGHTSHIFTEQUAL; }
            *n = 2;
            return TOK_RIGHTSHIFT;
        }
        if (c2 == '=') { *n = 2; return TOK_GREATEREQUAL; }
        return TOK_GREATER;
    default:
        return TOK_OP;
    }
}

/* Bracket bookkeeping with the C tokenizer's checks; p is the bracket. */
static void bracket(Tok *T, const char *p)
{
    int c = (unsigned char)*p;
    if (c == '(' || c == '[' || c == '{') {
        if (T->level >= MAXLEVEL)
            syntax_error(T, p + 1, "too many nested parentheses");
        T->paren[T->level] = (char)c;
        T->paren_lnum[T->level] = T->lnum;
        T->paren_pos[T->level] = p;
        T->paren_line[T->level] = T->line;
        T->level++;
        return;
    }
    if (T->level == 0)
        syntax_error(T, p + 1, afmt(T->a, "unmatched '%c'", c));
    T->level--;
    int open = T->paren[T->level];
    if ((open == '(' && c != ')') || (open == '[' && c != ']') || (open == '{' && c != '}')) {
        if (T->paren_lnum[T->level] != T->lnum)
            syntax_error(T, p + 1,
                         afmt(T->a, "closing parenthesis '%c' does not match opening "
                                    "parenthesis '%c' on line %d",
                              c, open, T->paren_lnum[T->level]));
        syntax_error(T, p + 1,
                     afmt(T->a, "closing parenthesis '%c' does not match opening "
                                "parenthesis '%c'", c, open));
    }
}

/* The end of the file inside brackets: the innermost one was never closed. */
static noreturn void unclosed(Tok *T)
{
    int k = T->level - 1;
    const char *ls = T->paren_line[k];
    T->eof_error = true;
    fail_at(T, "SyntaxError", T->paren_lnum[k], nchars(ls, T->paren_pos[k]) + 1, 0, ls,
            afmt(T->a, "'%c' was never closed", T->paren[k]));
}

/* ---- the line loop ---------------------------------------------------- */

/* Tokens of the current line from pos on (tokenize.py's inner loop). */
/* tokenize.py's regular expression for a token fails at pos: the blanks
 * before it (from ws) come out one by one as ERRORTOKENs, then one
 * ERRORTOKEN for the character itself. */
static const char *error_token(Tok *T, const char *ws, const char *pos, int n)
{
    for (; ws < pos; ws++)
        emit_here(T, TOK_ERRORTOKEN, ws, ws + 1);
    emit_here(T, TOK_ERRORTOKEN, pos, pos + n);
    return pos + n;
}

static void scan_line(Tok *T, const char *pos)
{
    const char *ws = pos;                /* where the blanks before pos began */
    for (;; ws = pos) {
        while (pos < T->line_end && (*pos == ' ' || *pos == '\t' || *pos == '\f'))
            pos++;
        if (pos >= T->line_end)
            return;
        int c = (unsigned char)*pos;
        const char *start = pos;
        switch (c) {
        case '\n':
            emit_here(T, T->level > 0 ? TOK_NL : TOK_NEWLINE, pos, pos + 1);
            return;
        case '\r':
            if (pos + 1 < T->end && pos[1] == '\n') {
                emit_here(T, T->level > 0 ? TOK_NL : TOK_NEWLINE, pos, pos + 2);
                return;
            }
            pos = error_token(T, ws, pos, 1);
            continue;
        case '#':
            while (pos < T->line_end && *pos != '\n' && *pos != '\r')
                pos++;
            emit_here(T, TOK_COMMENT, start, pos);
            continue;
        case '\\': {
            const char *nl = NULL;
            if (pos + 1 < T->end && pos[1] == '\n')
                nl = pos + 1;
            else if (pos + 2 < T->end && pos[1] == '\r' && pos[2] == '\n')
                nl = pos + 2;
            if (nl && nl + 1 < T->end) {
                T->continued = true;
                return;
            }
            if (nl || pos + 1 >= T->end) {
                /* backslash-newline, then the end of the file */
                /* CPython shows no caret when the backslash began the
                 * statement (its error token then has no column) */
                T->eof_error = true;
                if (T->level > 0)
                    unclosed(T);
                int off = T->stmt_tokens > 0 ? line_chars(T, T->line) + 1 : 0;
                fail_at(T, "SyntaxError", T->lnum, off, 0, T->line,
                        "unexpected EOF while parsing");
            }
            if (T->lenient) {           /* tokenize.py's reading: no token */
                pos = error_token(T, ws, pos, 1);
                continue;
            }
            fail_at(T, "SyntaxError", T->lnum, nchars(T->line, pos + 1) + 1, 0, T->line,
                    "unexpected character after line continuation character");
        }
        case '"':
        case '\'':
            pos = scan_string(T, start, pos);
            continue;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            pos = scan_number(T, pos);
            emit_here(T, TOK_NUMBER, start, pos);
            continue;
        case '.':
            if (pos + 1 < T->end && is_digit((unsigned char)pos[1])) {
                pos = scan_number(T, pos);
                emit_here(T, TOK_NUMBER, start, pos);
                continue;
            }
            break;
        default:
            break;
        }
        if (is_ident_char(c) && !is_digit(c)) {
            const char *q = string_prefix(pos, T->line_end);
            if (q)
                pos = scan_string(T, start, q);
            else
                pos = scan_name(T, pos);
            continue;
        }
        int n;
        TokType type = scan_op(pos, T->end, &n);
        if (type != TOK_OP) {
            if (n == 1 && (type == TOK_LPAR || type == TOK_RPAR || type == TOK_LSQB ||
                           type == TOK_RSQB || type == TOK_LBRACE || type == TOK_RBRACE))
                bracket(T, pos);
            emit_here(T, type, pos, pos + n);
            pos += n;
            continue;
        }
        /* Not a token: tokenize.py says ERRORTOKEN; CPython's tokenizer
         * rejects non-printable characters and leaves the rest ('$', '?',
         * '`', '!') to the parser.  NUL is let through as CPython 3.11 does. */
        if (c != 0 && (c < 0x20 || c == 0x7F))
            syntax_error(T, pos + 1,
                         afmt(T->a, "invalid non-printable character U+%04X", (unsigned)c));
        pos = error_token(T, ws, pos, 1);
    }
}

/* A new logical line: measure the indentation, handle blank and comment
 * lines, emit INDENT/DEDENT.  Returns where the tokens start, or NULL when
 * the line is done (blank or comment only). */
static const char *logical_line(Tok *T, bool *eof_break)
{
    const char *pos = T->line;
    int col = 0, altcol = 0;
    for (; pos < T->line_end; pos++) {
        if (*pos == ' ') {
            col++;
            altcol++;
        } else if (*pos == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol++;
        } else if (*pos == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
    }
    if (pos == T->line_end) {           /* whitespace, then end of file */
        *eof_break = true;
        return NULL;
    }
    if (*pos == '#' || *pos == '\r' || *pos == '\n') {
        if (*pos == '#') {
            const char *q = T->line_end;
            while (q > pos && (q[-1] == '\r' || q[-1] == '\n'))
                q--;
            emit_here(T, TOK_COMMENT, pos, q);
            pos = q;
        }
        emit_here(T, TOK_NL, pos, T->line_end);
        return NULL;
    }
    int top = T->indents[T->nind - 1];
    int alttop = T->altindents[T->nind - 1];
    int width = (int)(pos - T->line);
    if (col == top) {
        if (altcol != alttop)
            fail_at(T, "TabError", T->lnum, 1, 0, T->line,
                    "inconsistent use of tabs and spaces in indentation");
    } else if (col > top) {
        if (T->nind >= MAXINDENT)
            fail_at(T, "IndentationError", T->lnum, 1, 0, T->line,
                    "too many levels of indentation");
        if (altcol <= alttop)
            fail_at(T, "TabError", T->lnum, 1, 0, T->line,
                    "inconsistent use of tabs and spaces in indentation");
        T->indents[T->nind] = col;
        T->altindents[T->nind] = altcol;
        T->nind++;
        emit(T, TOK_INDENT, T->line, (size_t)width, T->lnum, 0, T->lnum, width);
    } else {
        int n = T->nind;
        while (n > 1 && col < T->indents[n - 1])
            n--;
        if (col != T->indents[n - 1])
            fail_at(T, "IndentationError", T->lnum, line_chars(T, T->line) + 1, 0, T->line,
                    "unindent does not match any outer indentation level");
        if (altcol != T->altindents[n - 1])
            fail_at(T, "TabError", T->lnum, 1, 0, T->line,
                    "inconsistent use of tabs and spaces in indentation");
        for (; T->nind > n; T->nind--)
            emit(T, TOK_DEDENT, "", 0, T->lnum, width, T->lnum, width);
    }
    return pos;
}

/* Does the text [p, q) strip() to something that starts with '#'? */
static bool strips_to_comment(const char *p, const char *q)
{
    while (p < q && (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\v' || *p == '\r' ||
                     *p == '\n' || (*p >= 0x1c && *p <= 0x1f)))
        p++;
    return p < q && *p == '#';
}

static void run(Tok *T, const char *encoding)
{
    emit(T, TOK_ENCODING, encoding, strlen(encoding), 0, 0, 0, 0);
    T->indents[0] = T->altindents[0] = 0;
    T->nind = 1;

    const char *p = T->src;
    int lnum = 0;
    bool eof_break = false;
    while (p < T->end) {
        set_line(T, p, ++lnum);
        const char *pos = T->line;
        if (T->level == 0 && !T->continued) {
            pos = logical_line(T, &eof_break);
            if (eof_break)
                break;
        } else {
            T->continued = false;
        }
        if (pos)
            scan_line(T, pos);
        p = T->line_end;
        lnum = T->lnum;
    }
    if (!eof_break)
        lnum++;

    if (T->level > 0)
        unclosed(T);
    /* tokenize.py: a NEWLINE '' after a last line without line end */
    size_t n = (size_t)(T->end - T->src);
    if (!eof_break && n > 0 && T->end[-1] != '\n' && T->end[-1] != '\r') {
        const char *last = T->end;
        while (last > T->src && last[-1] != '\n')
            last--;
        if (!strips_to_comment(last, T->end)) {
            int w = nchars(last, T->end);
            emit(T, TOK_NEWLINE, "", 0, lnum - 1, w, lnum - 1, w + 1);
        }
    }
    for (; T->nind > 1; T->nind--)
        emit(T, TOK_DEDENT, "", 0, lnum, 0, lnum, 0);
    emit(T, TOK_ENDMARKER, "", 0, lnum, 0, lnum, 0);
}

/* ---- encodings (PEP 263) ---------------------------------------------- */

/* codec_tables, codec_names: generated by cmd/pytok/codecs_gen.py */
#include "cmd/pytok/codecs.inc"

/* CPython's get_normal_name(): the first 12 characters, lower case, '_' as
 * '-', tell utf-8 and latin-1 apart; otherwise the name stays as written. */
static const char *normal_name(Tok *T, const char *name)
{
    char e[13];
    size_t i;
    for (i = 0; i < 12 && name[i]; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        e[i] = c == '_' ? '-' : c;
    }
    e[i] = 0;
    if (strcmp(e, "utf-8") == 0 || strncmp(e, "utf-8-", 6) == 0)
        return "utf-8";
    if (strcmp(e, "latin-1") == 0 || strcmp(e, "iso-8859-1") == 0 ||
        strcmp(e, "iso-latin-1") == 0 || strncmp(e, "latin-1-", 8) == 0 ||
        strncmp(e, "iso-8859-1-", 11) == 0 || strncmp(e, "iso-latin-1-", 12) == 0)
        return "iso-8859-1";
    return arena_strdup(T->a, name);
}

/* The coding spec on the line [p, q), or NULL: "^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)". */
static const char *coding_spec(Tok *T, const char *p, const char *q)
{
    while (p < q && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    if (p >= q || *p != '#')
        return NULL;
    for (const char *s = p; s + 6 < q; s++) {
        if (memcmp(s, "coding", 6) != 0 || (s[6] != ':' && s[6] != '='))
            continue;
        const char *b = s + 7;
        while (b < q && (*b == ' ' || *b == '\t'))
            b++;
        const char *e = b;
        while (e < q && ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') ||
                         is_digit((unsigned char)*e) || *e == '-' || *e == '_' || *e == '.'))
            e++;
        if (e > b)
            return arena_strndup(T->a, b, (size_t)(e - b));
    }
    return NULL;
}

/* Is the line [p, q) blank or a comment ("^[ \t\f]*(?:[#\r\n]|$)")? */
static bool blank_line(const char *p, const char *q)
{
    while (p < q && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    return p == q || *p == '#' || *p == '\r' || *p == '\n';
}

static int cmp_codec_name(const void *k, const void *e)
{
    return strcmp(k, ((const struct CodecName *)e)->name);
}

/* What Python's codecs.lookup(name) finds, as a CODEC_ value or a table
 * index: the name in lower case, runs of characters other than letters,
 * digits and '.' as one '_' (encodings.normalize_encoding), then the
 * aliases. */
static int lookup_codec(const char *name)
{
    char n[128];
    size_t k = 0;
    bool punct = false;
    for (const char *p = name; *p && k < sizeof n - 2; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
            if (punct && k > 0)
                n[k++] = '_';
            n[k++] = c;
            punct = false;
        } else {
            punct = true;
        }
    }
    n[k] = 0;
    size_t count = sizeof codec_names / sizeof codec_names[0];
    const struct CodecName *hit =
        bsearch(n, codec_names, count, sizeof codec_names[0], cmp_codec_name);
    if (!hit) {
        for (char *q = n; *q; q++)
            if (*q == '.')
                *q = '_';
        hit = bsearch(n, codec_names, count, sizeof codec_names[0], cmp_codec_name);
    }
    return hit ? hit->codec : CODEC_PROBLEM;
}

/* Decode [s, s+n) with a single-byte codec (a table, or latin-1) into
 * UTF-8; false when a byte has no meaning in it. */
static bool transcode(Tok *T, int codec, const char *s, size_t n, char **out, size_t *outlen)
{
    char *buf = arena_alloc(T->a, n * 3 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = (unsigned char)s[i];
        if (codec >= 0) {
            c = codec_tables[codec][c];
            if (c == 0xFFFF)
                return false;
        }
        k += (size_t)ls_utf8_encode(c, buf + k);
    }
    buf[k] = 0;
    *out = buf;
    *outlen = k;
    return true;
}

/* Declared UTF-8 that is not (the first bad byte at ok): T->src becomes
 * a copy with each undecodable sequence (the longest start of a valid one,
 * or one byte) replaced by U+FFFD, and T->bad lists them. */
static void replace_undecodable(Tok *T, const char *data, size_t len, size_t ok)
{
    size_t cap = 8, n = 0;
    BadSeq *bad = arena_alloc(T->a, cap * sizeof *bad);
    char *buf = arena_alloc(T->a, len * 3 + 1);
    memcpy(buf, data, ok);
    size_t k = ok;
    for (size_t i = ok; i < len;) {
        size_t good = ls_utf8_valid_prefix(data + i, len - i);
        memcpy(buf + k, data + i, good);
        k += good;
        i += good;
        if (i >= len)
            break;
        unsigned lo, hi;
        int need = utf8_needs((unsigned char)data[i], &lo, &hi);
        int sl = 1;
        for (int j = 1; need > 0 && j <= need && i + (size_t)j < len; j++) {
            unsigned c = (unsigned char)data[i + (size_t)j];
            if (j == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF))
                break;
            sl = j + 1;
        }
        if (n == cap) {
            BadSeq *nb = arena_alloc(T->a, cap * 2 * sizeof *bad);
            memcpy(nb, bad, n * sizeof *bad);
            bad = nb;
            cap *= 2;
        }
        bad[n].at = k;
        bad[n].len = sl;
        memcpy(bad[n].bytes, data + i, (size_t)sl);
        n++;
        memcpy(buf + k, "\xEF\xBF\xBD", 3);
        k += 3;
        i += (size_t)sl;
    }
    buf[k] = 0;
    T->src = buf;
    T->end = buf + k;
    T->bad = bad;
    T->nbad = n;
}

/* Sets T->src/T->end to the UTF-8 text and returns the ENCODING string. */
static const char *decode(Tok *T, const char *data, size_t len)
{
    bool bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
    if (bom) {
        data += 3;
        len -= 3;
    }
    const char *end = data + len;
    const char *l1e = memchr(data, '\n', len);
    l1e = l1e ? l1e + 1 : end;
    const char *spec = T->text_input ? NULL : coding_spec(T, data, l1e);
    if (!spec && !T->text_input && l1e < end && blank_line(data, l1e)) {
        const char *l2e = memchr(l1e, '\n', (size_t)(end - l1e));
        spec = coding_spec(T, l1e, l2e ? l2e + 1 : end);
    }
    const char *encoding = "utf-8";
    int codec = CODEC_UTF8;
    bool declared = false;
    if (spec) {
        const char *name = normal_name(T, spec);
        if (bom && strcmp(name, "utf-8") != 0)
            fail_plain(T, afmt(T->a, "encoding problem: %s with BOM", name));
        codec = lookup_codec(name);
        if (codec == CODEC_PROBLEM)
            fail_plain(T, afmt(T->a, "encoding problem: %s", name));
        if (codec == CODEC_UNSUPPORTED)
            unsupported(T, afmt(T->a, "encoding '%s' not supported yet", name));
        encoding = name;
        declared = true;
    }
    if (codec != CODEC_UTF8) {
        char *buf;
        size_t n;
        if (!transcode(T, codec, data, len, &buf, &n))
            fail_plain(T, afmt(T->a, "encoding problem: %s", encoding));
        T->src = buf;
        T->end = buf + n;
        return encoding;
    }
    /* UTF-8 is used in place: the scanner never reads at or past end. */
    const char *buf = data;
    T->src = buf;
    T->end = buf + len;
    size_t ok = ls_utf8_valid_prefix(buf, len);
    if (ok < len && (declared || bom)) {
        replace_undecodable(T, data, len, ok);
        return encoding;
    }
    if (ok < len) {
        /* CPython reads line by line: tokens before the bad line count. */
        const char *bad = buf + ok;
        const char *ls = bad;
        int lineno = 1;
        while (ls > buf && ls[-1] != '\n')
            ls--;
        for (const char *q = buf; q < ls; q++)
            lineno += *q == '\n';
        T->end = ls;
        T->truncated = true;
        T->bad_utf8 = afmt(T->a, "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                                 "but no encoding declared; see "
                                 "https://peps.python.org/pep-0263/ for details",
                           (unsigned char)*bad, T->filename, lineno);
    }
    return encoding;
}

/* Tokenize the UTF-8 text [src, end) into out (run() under a fresh state). */
static TokStatus run_view(Arena *a, const char *filename, const char *src, const char *end,
                          const char *encoding, TokenList *out, Diag *err, TokWarning **warnings,
                          bool *eof_error, bool lenient, const BadSeq *bad, size_t nbad)
{
    Tok *T = ls_xcalloc(1, sizeof *T);
    TokStatus st;
    T->a = a;
    T->bad = bad;
    T->nbad = nbad;
    T->filename = filename;
    T->src = src;
    T->end = end;
    T->out = out;
    T->err = err;
    T->warn_tail = &T->warn_head;
    T->cap_hint = (size_t)(end - src) / 4 + 64;
    T->lenient = lenient;
    if (setjmp(T->fail) == 0) {
        run(T, encoding);
        st = TOK_STATUS_OK;
    } else {
        st = T->status;
    }
    *eof_error = T->eof_error;
    if (warnings)
        *warnings = T->warn_head;
    free(T);
    return st;
}

/* A CR not followed by LF: a line end for CPython, a character for tokenize.py. */
static bool has_lone_cr(const char *p, const char *end)
{
    while ((p = memchr(p, '\r', (size_t)(end - p))) != NULL) {
        if (p + 1 >= end || p[1] != '\n')
            return true;
        p++;
    }
    return false;
}

static TokStatus tokenize(const char *src, size_t len, const char *filename, Arena *a,
                          TokenList *out, Diag *err, TokWarning **warnings, bool text_input);

TokStatus tok_tokenize(const char *src, size_t len, const char *filename, Arena *a,
                       TokenList *out, Diag *err, TokWarning **warnings)
{
    return tokenize(src, len, filename, a, out, err, warnings, false);
}

TokStatus tok_tokenize_text(const char *src, size_t len, const char *filename, Arena *a,
                            TokenList *out, Diag *err, TokWarning **warnings)
{
    return tokenize(src, len, filename, a, out, err, warnings, true);
}

static TokStatus tokenize(const char *src, size_t len, const char *filename, Arena *a,
                          TokenList *out, Diag *err, TokWarning **warnings, bool text_input)
{
    Tok *T = ls_xcalloc(1, sizeof *T);
    T->text_input = text_input;
    TokStatus st;
    bool eof_error = false;
    memset(err, 0, sizeof *err);
    memset(out, 0, sizeof *out);
    if (warnings)
        *warnings = NULL;
    T->a = a;
    T->filename = filename;
    T->err = err;
    T->warn_tail = &T->warn_head;
    out->source = filename;
    if (setjmp(T->fail) != 0) {         /* an encoding error */
        st = T->status;
        free(T);
        return st;
    }
    out->encoding = decode(T, src, len);

    bool lone_cr = has_lone_cr(T->src, T->end);
    if (lone_cr) {
        /* Errors are CPython's, which reads a lone CR as a line end: look
         * for them in that view first (same length, same offsets). */
        size_t n = (size_t)(T->end - T->src);
        char *view = arena_alloc(a, n + 1);
        memcpy(view, T->src, n);
        for (size_t i = 0; i < n; i++)
            if (view[i] == '\r' && (i + 1 >= n || view[i + 1] != '\n'))
                view[i] = '\n';
        TokenList scratch;
        memset(&scratch, 0, sizeof scratch);
        st = run_view(a, filename, view, view + n, out->encoding, &scratch, err, NULL,
                      &eof_error, false, T->bad, T->nbad);
        free(scratch.toks);
        if (st == TOK_STATUS_OK)
            memset(err, 0, sizeof *err);
    } else {
        st = TOK_STATUS_OK;
    }
    if (st == TOK_STATUS_OK) {
        st = run_view(a, filename, T->src, T->end, out->encoding, out, err, warnings, &eof_error,
                      lone_cr, T->bad, T->nbad);
        if (st == TOK_STATUS_ERROR && lone_cr) {
            memset(err, 0, sizeof *err);
            err->filename = filename;
            err->msg = "tokenize.py's reading of a lone CR here is not supported yet";
            st = TOK_STATUS_UNSUPPORTED;
        }
    }
    out->text = T->src;
    out->text_len = (size_t)(T->end - T->src);
    /* CPython reads line by line: an error in the lines before the
     * undecodable one wins, unless it was only found at their end. */
    if (T->truncated && (st == TOK_STATUS_OK || (st == TOK_STATUS_ERROR && eof_error))) {
        memset(err, 0, sizeof *err);
        err->type = "SyntaxError";
        err->msg = T->bad_utf8;
        err->filename = filename;
        st = TOK_STATUS_ERROR;
    }
    free(T);
    return st;
}
