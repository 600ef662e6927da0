/* libstage/buf.h: a growable byte buffer (string builder). */
#ifndef LS_BUF_H
#define LS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include "libstage/common.h"

typedef struct Buf {
    char *data;   /* NUL-terminated after every operation (when cap > 0) */
    size_t len;   /* bytes used, not counting the NUL */
    size_t cap;   /* bytes allocated */
    bool soft;    /* set by the owner: a failed growth sets oom, no exit */
    bool oom;     /* a growth failed: the contents are incomplete (puts
                   * that did not fit were dropped); the owner checks it */
} Buf;

#define BUF_INIT {NULL, 0, 0, false, false}
/* A Buf whose growth may fail (pyvm: a huge Python string becomes a
 * MemoryError): buf_put/putc/printf on failure set b->oom and drop the
 * bytes instead of exiting with "out of memory".  The owner checks b->oom
 * before using the contents. */
#define BUF_INIT_SOFT {NULL, 0, 0, true, false}

/* Room for extra more bytes (and the NUL), or "out of memory", exit 2. */
void buf_reserve(Buf *b, size_t extra);
/* As buf_reserve, but false (and b->oom set) when the memory is not there,
 * for any Buf: for a caller that knows the final size up front. */
bool buf_try_reserve(Buf *b, size_t extra);
void buf_put(Buf *b, const void *p, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, int c);
void buf_printf(Buf *b, const char *fmt, ...) LS_PRINTF(2, 3);
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
void buf_free(Buf *b);
/* Give up ownership of the bytes (NUL-terminated); the Buf is emptied. */
char *buf_take(Buf *b);

#endif
