// The system SQLite (Debian: libsqlite3-dev), seen by Swift only through the release
// database's wrapper (AreaNeedsRelease, `SQLiteDatabase`).
#ifndef AREANEEDS_CSQLITE_SHIM_H
#define AREANEEDS_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT, a macro Swift cannot import: SQLite copies bound text at once.
static inline sqlite3_destructor_type areaneeds_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
/// Turns off SQLite's count of the memory it uses, which takes a lock on every allocation
/// (a tenth of writing the national database). Must run before SQLite starts; later, SQLite
/// refuses it and nothing changes.
static inline int areaneeds_sqlite_stop_counting_memory(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
