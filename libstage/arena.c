/* libstage/arena.c: bump allocation, freed once. */
#include "libstage/arena.h"
#include "libstage/common.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
    ArenaBlock *prev;
    size_t size;
    alignas(max_align_t) char data[];
};

enum { ARENA_BLOCK = 64 * 1024 };

/* Standard-size blocks freed by arena_free(), kept for the next arena: a
 * process that compiles many files (pyrun --compile-only, pyvm's imports)
 * then reuses warm memory instead of having malloc return it to the
 * system and fault it in again.  At most ARENA_SPARE_MAX blocks (4 MB). */
enum { ARENA_SPARE_MAX = 64 };
static ArenaBlock *spare;       /* chained through prev */
static int nspare;              /* blocks in spare */

void arena_init(Arena *a)
{
    a->head = NULL;
    a->ptr = a->end = NULL;
}

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *prev = b->prev;
        if (b->size == ARENA_BLOCK && nspare < ARENA_SPARE_MAX) {
            b->prev = spare;
            spare = b;
            nspare++;
        } else {
            free(b);
        }
        b = prev;
    }
    arena_init(a);
}

void *arena_alloc(Arena *a, size_t n)
{
    const size_t align = alignof(max_align_t);
    n = (n + align - 1) & ~(align - 1);
    if ((size_t)(a->end - a->ptr) < n || !a->ptr) {
        size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
        ArenaBlock *b;
        if (size == ARENA_BLOCK && spare) {
            b = spare;
            spare = b->prev;
            nspare--;
        } else {
            b = ls_xmalloc(sizeof *b + size);
        }
        b->size = size;
        if (n > ARENA_BLOCK / 4 && a->head) {
            /* A big request gets a block of its own, kept behind the head
             * so the head's free space is not wasted. */
            b->prev = a->head->prev;
            a->head->prev = b;
            memset(b->data, 0, n);
            return b->data;
        }
        b->prev = a->head;
        a->head = b;
        a->ptr = b->data;
        a->end = b->data + size;
    }
    void *p = a->ptr;
    a->ptr += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}
