/* cmd/pyvm/zstream.h: what the deflate and inflate engines share: the
 * stream record a caller fills with its input and output buffers (as
 * zlib's z_stream), the return and flush codes of zlib's interface, and
 * the two check values (CRC-32 of RFC 1952, Adler-32 of RFC 1950).
 *
 * Stage: pyvm (the zlib module: mod_zlib.c, zdeflate.c, zinflate.c).
 */
#ifndef VM_ZSTREAM_H
#define VM_ZSTREAM_H

#include <stddef.h>
#include <stdint.h>

/* Return codes, zlib's numbering (they appear in "Error N ..." messages). */
enum {
    ZS_OK = 0,
    ZS_STREAM_END = 1,
    ZS_NEED_DICT = 2,
    ZS_STREAM_ERROR = -2,
    ZS_DATA_ERROR = -3,
    ZS_MEM_ERROR = -4,
    ZS_BUF_ERROR = -5,
};

/* Flush modes, zlib's numbering (the module exports them as Z_*). */
enum {
    ZS_NO_FLUSH = 0,
    ZS_PARTIAL_FLUSH = 1,
    ZS_SYNC_FLUSH = 2,
    ZS_FULL_FLUSH = 3,
    ZS_FINISH = 4,
    ZS_BLOCK = 5,
    ZS_TREES = 6,
};

/* Strategies of the deflate engine. */
enum {
    ZS_DEFAULT_STRATEGY = 0,
    ZS_FILTERED = 1,
    ZS_HUFFMAN_ONLY = 2,
    ZS_RLE = 3,
    ZS_FIXED = 4,
};

/* The caller's side of a stream: an engine consumes next_in and fills
 * next_out, advancing both. */
typedef struct ZStream {
    const unsigned char *next_in;   /* the next input byte */
    size_t avail_in;                /* input bytes left at next_in */
    unsigned char *next_out;        /* where the next output byte goes */
    size_t avail_out;               /* room left at next_out */
    uint64_t total_in;              /* input bytes consumed so far */
    uint64_t total_out;             /* output bytes produced so far */
    const char *msg;                /* the last error's text (zlib's strm->msg), or NULL */
    uint32_t adler;                 /* the running check value of the data */
} ZStream;

/* CRC-32 (the reflected polynomial 0xEDB88320) of n bytes, continuing
 * from crc (0 to start). */
uint32_t zs_crc32(uint32_t crc, const unsigned char *p, size_t n);
/* Adler-32 of n bytes, continuing from adler (1 to start). */
uint32_t zs_adler32(uint32_t adler, const unsigned char *p, size_t n);

#endif
