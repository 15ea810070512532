// The system SQLite (Debian: libsqlite3-dev), seen by Swift only through the release
// database's wrapper (AreaNeedsRelease, `SQLiteDatabase`).
#ifndef AREANEEDS_CSQLITE_SHIM_H
#define AREANEEDS_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT, a macro Swift cannot import: SQLite copies bound text at once.
static inline sqlite3_destructor_type areaneeds_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
#endif
