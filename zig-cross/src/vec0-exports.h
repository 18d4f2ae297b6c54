/*
 * Force-included (-include) into sqlite-vec.c for ELF and Mach-O builds, which
 * are compiled with -fvisibility=hidden: sqlite-vec defines many non-static
 * helpers (array_init, bitmap_new, min_idx, ...) that would otherwise be
 * exported and could be interposed by same-named symbols of other libraries.
 * Only sqlite-vec's entry points (the functions it marks SQLITE_VEC_API, which
 * are also all that the Windows DLLs export) stay visible.
 */
#include "sqlite3ext.h"

#define VEC0_ENTRY_POINT(name)                                                                    \
  __attribute__((visibility("default"))) int name(sqlite3 *db, char **pzErrMsg,                   \
                                                  const sqlite3_api_routines *pApi)
VEC0_ENTRY_POINT(sqlite3_vec_init);
VEC0_ENTRY_POINT(sqlite3_vec_static_blobs_init);
#undef VEC0_ENTRY_POINT
