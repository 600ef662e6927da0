/* libstage/arena.h: bump allocation for the compile stages.
 *
 * Every compile stage (tokens, parse tree, AST, symbol tables, CFG) allocates
 * its nodes from one Arena and frees them all at once with arena_free().
 */
#ifndef LS_ARENA_H
#define LS_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *head;   /* most recent block; older ones are chained */
    char *ptr;          /* next free byte in head */
    char *end;          /* one past the last byte of head */
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
/* n bytes, aligned for any type, zero-filled; never NULL (exits 2 on OOM). */
void *arena_alloc(Arena *a, size_t n);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);

#endif
