#ifndef NEWSBUS_CZLIB_SHIM_H
#define NEWSBUS_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro: wrap it so Swift can call it. 15 + 32: zlib or gzip header, detected. */
static inline int czlib_inflate_init_auto(z_stream *stream) { return inflateInit2(stream, 15 + 32); }
#endif
