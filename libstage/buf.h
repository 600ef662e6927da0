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
} Buf;

#define BUF_INIT {NULL, 0, 0}

void buf_reserve(Buf *b, size_t extra);
void buf_put(Buf *b, const void *p, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, int c);
void buf_printf(Buf *b, const char *fmt, ...) LS_PRINTF(2, 3);
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
void buf_free(Buf *b);
/* Give up ownership of the bytes (NUL-terminated); the Buf is emptied. */
char *buf_take(Buf *b);

#endif
