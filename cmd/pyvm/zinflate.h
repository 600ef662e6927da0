/* cmd/pyvm/zinflate.h: the inflate engine: decompresses raw deflate
 * (RFC 1951), zlib (RFC 1950) and gzip (RFC 1952) streams, with zlib
 * 1.2.13's interface and error texts.
 *
 * Stage: pyvm (the zlib module).  The caller sets strm's buffers and calls
 * zi_inflate(z, flush) as zlib's inflate(); it reads input only as far as
 * the output it makes needs, as zlib does, so what is left over
 * (unconsumed_tail, unused_data) is what CPython reports.
 */
#ifndef VM_ZINFLATE_H
#define VM_ZINFLATE_H

#include "cmd/pyvm/zstream.h"

typedef struct ZInflate ZInflate;

/* A new decompressor (zlib's inflateInit2): wbits 8..15 zlib, 0 the
 * header's window, -8..-15 raw, +16 gzip, +32 zlib or gzip.  NULL with
 * *err = ZS_STREAM_ERROR (bad wbits) or ZS_MEM_ERROR. */
ZInflate *zi_new(int wbits, int *err);
/* Decompress what strm offers, as zlib's inflate(strm, flush): ZS_OK,
 * ZS_STREAM_END, ZS_NEED_DICT, ZS_BUF_ERROR, ZS_DATA_ERROR (strm.msg
 * says why) or ZS_STREAM_ERROR. */
int zi_inflate(ZInflate *z, int flush);
/* The dictionary a zlib stream asked for (after ZS_NEED_DICT), or a raw
 * stream's history: ZS_OK, ZS_DATA_ERROR (not the one asked for) or
 * ZS_STREAM_ERROR (not now). */
int zi_set_dictionary(ZInflate *z, const unsigned char *dict, size_t len);
/* The caller's stream record of z. */
ZStream *zi_stream(ZInflate *z);
/* An independent copy; NULL when out of memory. */
ZInflate *zi_copy(const ZInflate *z);
void zi_free(ZInflate *z);

#endif
