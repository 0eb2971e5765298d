#ifndef NEWSBUS_CZLIB_SHIM_H
#define NEWSBUS_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 is a macro: give Swift a function. windowBits 15 + 32 accepts gzip and zlib headers. */
static inline int czlib_inflate_init_gzip(z_stream *stream) { return inflateInit2(stream, 15 + 32); }

#endif
