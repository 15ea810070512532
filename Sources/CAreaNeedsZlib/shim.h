// The system zlib (Debian: zlib1g-dev), seen by Swift only through AreaNeedsTables.
// zlib's init functions are macros that pass the library version and struct size;
// Swift cannot call macros, so these wrappers do it.
#ifndef AREANEEDS_CZLIB_SHIM_H
#define AREANEEDS_CZLIB_SHIM_H
#include <zlib.h>

/// Starts a gzip decoder (windowBits 15 + 16: gzip wrapper only).
static inline int areaneeds_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

/// Starts a gzip encoder at the given level (windowBits 15 + 16: gzip wrapper, mtime 0).
static inline int areaneeds_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
