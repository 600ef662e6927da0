/* cmd/pyvm/zdeflate.h: the deflate engine (RFC 1951), with the zlib
 * (RFC 1950) and gzip (RFC 1952) wrappers, that writes the same bytes as
 * zlib 1.2.13's deflate for the same calls.
 *
 * Stage: pyvm (the zlib module).  The caller sets strm's buffers and calls
 * zd_deflate(d, flush) as zlib's deflate(); the return codes and flush
 * modes are zstream.h's.
 */
#ifndef VM_ZDEFLATE_H
#define VM_ZDEFLATE_H

#include "cmd/pyvm/zstream.h"

typedef struct ZDeflate ZDeflate;

/* A new compressor (zlib's deflateInit2 with method DEFLATED): level -1..9,
 * wbits 9..15 (zlib wrapper; 8 means 9), -9..-15 (raw), 25..31 (gzip),
 * mem_level 1..9, strategy ZS_*.  NULL with *err = ZS_STREAM_ERROR for a
 * bad parameter or ZS_MEM_ERROR. */
ZDeflate *zd_new(int level, int wbits, int mem_level, int strategy, int *err);
/* A preset dictionary, before the first zd_deflate (zlib and raw streams
 * only): ZS_OK or ZS_STREAM_ERROR. */
int zd_set_dictionary(ZDeflate *d, const unsigned char *dict, size_t len);
/* Compress what strm offers, as zlib's deflate(strm, flush). */
int zd_deflate(ZDeflate *d, int flush);
/* The caller's stream record of d. */
ZStream *zd_stream(ZDeflate *d);
/* An independent copy of d (its stream buffers are not copied); NULL when
 * out of memory. */
ZDeflate *zd_copy(const ZDeflate *d);
void zd_free(ZDeflate *d);

#endif
