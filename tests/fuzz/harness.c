/* tests/fuzz/harness.c: the libFuzzer driver shared by every fuzz target.
 *
 * Stage: none; a test harness around one stage's real main().
 * reads:  the fuzzer's input, in the format of the target's stage (source
 *         for pytok, tokens for pyparse, cst for pyast, ast for pysym,
 *         symtab for pycfg, cfg for pyasm, a binary code object for pydis
 *         and pyvm);
 * writes: nothing (the tool's stdout goes to /dev/null).
 *
 * Built once per target by tests/fuzz/fuzz.mk with FZ_TOOL set to the tool's
 * name, and linked with that tool's sources, whose main.c was compiled with
 * -Dmain=FZ_TOOL_main, and with
 *     -Wl,--wrap=exit,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free,
 *     --wrap=fopen,--wrap=fclose
 * Every tool ends a failed run with exit(); __wrap_exit longjmps back here
 * instead, and what the run left allocated or open is released, so millions
 * of runs in one process neither leak nor run out of descriptors.
 *
 * Blocks that the tool's static variables still point to after the run
 * (caches kept between calls) are found by a conservative mark from the
 * tool's .data and .bss (bracketed by markers, see endmark.c) and kept,
 * still tracked, until no static variable points to them.
 *
 * Each input is written to a memfd and the tool is run as
 *     tool /proc/self/fd/N
 * so it reads it as a file, exactly as on the command line.
 *
 * The pyvm target does not run the program (an arbitrary valid code object
 * may loop forever and pyvm has no step limit): it runs the loading path,
 * ls_code_read() and vm_code_load(), which is where pyvm verifies its input.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <malloc.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef FZ_TOOL
#error "FZ_TOOL must name the tool (-DFZ_TOOL=pytok)"
#endif

#define FZ_CAT2(a, b) a##b
#define FZ_CAT(a, b) FZ_CAT2(a, b)
#define FZ_STR2(a) #a
#define FZ_STR(a) FZ_STR2(a)
#define FZ_MAIN FZ_CAT(FZ_TOOL, _main)

int FZ_MAIN(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* ---- exit() back to the harness ---- */

noreturn void __real_exit(int status);
noreturn void __wrap_exit(int status);

static jmp_buf fz_jmp;          /* where a tool's exit() returns to */
static volatile int fz_active;  /* inside a tool run: exit() longjmps */
static int fz_status;           /* the status the tool exited with */

noreturn void __wrap_exit(int status)
{
    if (fz_active) {
        fz_status = status;
        longjmp(fz_jmp, 1);
    }
    __real_exit(status);
}

/* ---- allocations and streams made during a run ---- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
FILE *__real_fopen(const char *path, const char *mode);
int __real_fclose(FILE *f);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);
FILE *__wrap_fopen(const char *path, const char *mode);
int __wrap_fclose(FILE *f);

/* An open-addressing set of pointers (linear probing, tombstones). */
typedef struct PtrSet {
    uintptr_t *slot;     /* 0 empty, 1 deleted, else a pointer */
    size_t cap;          /* a power of two */
    size_t used;         /* live + deleted slots */
    size_t live;         /* live pointers */
} PtrSet;

#define FZ_EMPTY ((uintptr_t)0)
#define FZ_DELETED ((uintptr_t)1)

static PtrSet fz_heap;           /* blocks allocated during the run */
static PtrSet fz_files;          /* streams opened during the run */
static int fz_tracking;          /* record allocations (a tool run is on) */

static size_t fz_hash(uintptr_t p, size_t cap)
{
    p ^= p >> 17;
    p *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(p >> 20) & (cap - 1);
}

static void fz_set_add(PtrSet *s, void *ptr);

static void fz_set_grow(PtrSet *s)
{
    PtrSet old = *s;
    s->cap = old.cap ? (old.live * 4 > old.cap ? old.cap * 2 : old.cap) : 1024;
    s->slot = __real_calloc(s->cap, sizeof *s->slot);
    if (!s->slot)
        abort();
    s->used = s->live = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slot[i] > FZ_DELETED)
            fz_set_add(s, (void *)old.slot[i]);
    __real_free(old.slot);
}

static void fz_set_add(PtrSet *s, void *ptr)
{
    if ((s->used + 1) * 2 > s->cap)
        fz_set_grow(s);
    size_t i = fz_hash((uintptr_t)ptr, s->cap);
    while (s->slot[i] > FZ_DELETED)
        i = (i + 1) & (s->cap - 1);
    if (s->slot[i] == FZ_EMPTY)
        s->used++;
    s->slot[i] = (uintptr_t)ptr;
    s->live++;
}

/* Remove ptr; returns whether it was there. */
static int fz_set_del(PtrSet *s, void *ptr)
{
    if (!s->cap)
        return 0;
    size_t i = fz_hash((uintptr_t)ptr, s->cap);
    while (s->slot[i] != FZ_EMPTY) {
        if (s->slot[i] == (uintptr_t)ptr) {
            s->slot[i] = FZ_DELETED;
            s->live--;
            return 1;
        }
        i = (i + 1) & (s->cap - 1);
    }
    return 0;
}

void *__wrap_malloc(size_t n)
{
    void *p = __real_malloc(n);
    if (p && fz_tracking)
        fz_set_add(&fz_heap, p);
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    void *p = __real_calloc(n, size);
    if (p && fz_tracking)
        fz_set_add(&fz_heap, p);
    return p;
}

void *__wrap_realloc(void *p, size_t n)
{
    void *q = __real_realloc(p, n);
    if (q && ((p && fz_set_del(&fz_heap, p)) || (!p && fz_tracking)))
        fz_set_add(&fz_heap, q);
    return q;
}

void __wrap_free(void *p)
{
    if (p)
        fz_set_del(&fz_heap, p);
    __real_free(p);
}

FILE *__wrap_fopen(const char *path, const char *mode)
{
    FILE *f = __real_fopen(path, mode);
    if (f && fz_tracking)
        fz_set_add(&fz_files, f);
    return f;
}

int __wrap_fclose(FILE *f)
{
    if (f)
        fz_set_del(&fz_files, f);
    return __real_fclose(f);
}

#ifndef FZ_VM_LOAD
/* Where the tool's static data lies: the begin markers are defined here, in
 * the first object linked; the end markers in tests/fuzz/endmark.c, linked
 * after the tool and libstage, before the sanitizer and fuzzer runtimes. */
char fz_data_begin = 1;         /* first byte of .data (ours) */
char fz_bss_begin;              /* first byte of .bss (ours) */
extern char fz_data_end, fz_bss_end;

typedef struct Block {
    uintptr_t p;         /* start */
    size_t n;            /* usable size */
    int kept;            /* reachable from static data */
} Block;

static Block *fz_blocks;         /* the run's live blocks, sorted by p */
static size_t fz_nblocks;

static Block *fz_find(uintptr_t v)
{
    size_t lo = 0, hi = fz_nblocks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v < fz_blocks[mid].p)
            hi = mid;
        else if (v >= fz_blocks[mid].p + (fz_blocks[mid].n ? fz_blocks[mid].n : 1))
            lo = mid + 1;
        else
            return &fz_blocks[mid];
    }
    return NULL;
}

static int fz_block_cmp(const void *a, const void *b)
{
    uintptr_t x = ((const Block *)a)->p, y = ((const Block *)b)->p;
    return x < y ? -1 : x > y;
}

/* Mark the blocks that words in [from, to) point into, transitively.
 * Reads redzones of globals and whole heap blocks: not instrumented. */
__attribute__((no_sanitize("address")))
static void fz_mark(const char *from, const char *to, Block **stack, size_t *sp)
{
    uintptr_t lo = fz_blocks[0].p, hi = fz_blocks[fz_nblocks - 1].p + fz_blocks[fz_nblocks - 1].n;
    from = (const char *)(((uintptr_t)from + sizeof(uintptr_t) - 1) & ~(uintptr_t)(sizeof(uintptr_t) - 1));
    for (const char *q = from; q + sizeof(uintptr_t) <= to; q += sizeof(uintptr_t)) {
        uintptr_t v = *(const uintptr_t *)q;
        if (v < lo || v >= hi)
            continue;
        Block *b = fz_find(v);
        if (b && !b->kept) {
            b->kept = 1;
            stack[(*sp)++] = b;
        }
    }
}

/* Close and free what the run left behind, as process exit would; what the
 * tool's static variables still point to (a cache kept between calls) is
 * left alone but stays tracked, so that it is freed after a later run once
 * no static variable points to it any more. */
static void fz_release(void)
{
    fz_tracking = 0;
    for (size_t i = 0; i < fz_files.cap; i++)
        if (fz_files.slot[i] > FZ_DELETED)
            __real_fclose((FILE *)fz_files.slot[i]);
    if (fz_files.cap)
        memset(fz_files.slot, 0, fz_files.cap * sizeof *fz_files.slot);
    fz_files.used = fz_files.live = 0;
    if (fz_heap.live == 0)
        return;

    fz_blocks = __real_malloc(fz_heap.live * sizeof *fz_blocks);
    Block **stack = __real_malloc(fz_heap.live * sizeof *stack);
    if (!fz_blocks || !stack)
        abort();
    fz_nblocks = 0;
    for (size_t i = 0; i < fz_heap.cap; i++)
        if (fz_heap.slot[i] > FZ_DELETED) {
            void *p = (void *)fz_heap.slot[i];
            fz_blocks[fz_nblocks++] = (Block){(uintptr_t)p, malloc_usable_size(p), 0};
        }
    qsort(fz_blocks, fz_nblocks, sizeof *fz_blocks, fz_block_cmp);
    size_t sp = 0;
    fz_mark(&fz_data_begin, &fz_data_end, stack, &sp);
    fz_mark(&fz_bss_begin, &fz_bss_end, stack, &sp);
    while (sp > 0) {
        Block *b = stack[--sp];
        fz_mark((const char *)b->p, (const char *)(b->p + b->n), stack, &sp);
    }
    memset(fz_heap.slot, 0, fz_heap.cap * sizeof *fz_heap.slot);
    fz_heap.used = fz_heap.live = 0;
    for (size_t i = 0; i < fz_nblocks; i++) {
        if (fz_blocks[i].kept)
            fz_set_add(&fz_heap, (void *)fz_blocks[i].p);
        else
            __real_free((void *)fz_blocks[i].p);
    }
    __real_free(stack);
    __real_free(fz_blocks);
    fz_blocks = NULL;
}
#endif

/* ---- the target ---- */

static int fz_fd = -1;           /* the memfd that holds the input */
static char fz_path[64];         /* /proc/self/fd/N */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_fd = memfd_create("fuzz-input", 0);
    if (fz_fd < 0) {
        perror("memfd_create");
        abort();
    }
    snprintf(fz_path, sizeof fz_path, "/proc/self/fd/%d", fz_fd);
    /* the tool's output and any prompt for stdin go nowhere */
    int null = open("/dev/null", O_RDWR);
    if (null < 0) {
        perror("/dev/null");
        abort();
    }
    dup2(null, 0);
    dup2(null, 1);
    close(null);
    return 0;
}


#if defined(FZ_VM_LOAD) || defined(FZ_CODE_INPUT)
/* Code objects: when the input starts with the magic number, make the rest
 * of the 20-byte header right (version, sentinel, length, CRC-32 of the
 * body), so that mutations reach the body's parser and verifier instead of
 * all dying at the checksum.  Inputs without the magic still test the
 * header checks. */
static uint32_t fz_crc32(const unsigned char *p, size_t n)
{
    static uint32_t table[256];
    if (!table[1])
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static void fz_put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* A malloc'd copy of data with the header fixed up (see above), NUL-ended. */
static unsigned char *fz_fix_code(const uint8_t *data, size_t size)
{
    unsigned char *copy = __real_malloc(size + 1);
    if (!copy)
        abort();
    memcpy(copy, data, size);
    copy[size] = '\0';
    if (size >= 20 && memcmp(copy, "\x7fPYC", 4) == 0) {
        memcpy(copy + 4, "\x01\x00\x19\x93\r\n\x1a\n", 8);
        fz_put_u32(copy + 12, (uint32_t)(size - 20));
        fz_put_u32(copy + 16, fz_crc32(copy + 20, size - 20));
    }
    return copy;
}
#endif

#ifdef FZ_VM_LOAD
#include "libstage/arena.h"
#include "libstage/codeio.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/object.h"

/* pyvm: load and verify, never run. */
static void fz_vm_load(const uint8_t *data, size_t size)
{
    static int types_ready;
    if (!types_ready) {
        vm_types_init();
        types_ready = 1;
    }
    if (!ls_code_is_binary((const char *)data, size))
        return;
    char *copy = (char *)fz_fix_code(data, size);
    Arena arena;
    arena_init(&arena);
    char err[256] = "";
    LsCode *lc = ls_code_read(copy, size, &arena, err, sizeof err);
    if (lc) {
        VmCode *code = vm_code_load(lc, err, sizeof err);
        if (code)
            DECREF(code);
    }
    arena_free(&arena);
    __real_free(copy);
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef FZ_VM_LOAD
    if (setjmp(fz_jmp) == 0) {
        fz_active = 1;
        fz_vm_load(data, size);
    }
    fz_active = 0;
    return 0;
#else
#ifdef FZ_CODE_INPUT
    unsigned char *fixed = fz_fix_code(data, size);
    data = fixed;
#endif
    if (ftruncate(fz_fd, 0) != 0 || pwrite(fz_fd, data, size, 0) != (ssize_t)size)
        abort();
#ifdef FZ_CODE_INPUT
    __real_free(fixed);
#endif
    char prog[] = FZ_STR(FZ_TOOL);
    char *argv[] = {prog, fz_path, NULL};
    fflush(stdout);
    optind = 0;          /* glibc: reinitialise getopt completely */
    fz_tracking = 1;
    if (setjmp(fz_jmp) == 0) {
        fz_active = 1;
        fz_status = FZ_MAIN(2, argv);
    }
    fz_active = 0;
    fflush(stdout);
    clearerr(stdout);
    fz_release();
    return 0;
#endif
}
