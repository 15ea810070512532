// The system libcsv (Debian: libcsv-dev), seen by Swift only through AreaNeedsTables.
#ifndef AREANEEDS_CCSV_SHIM_H
#define AREANEEDS_CCSV_SHIM_H
#include <csv.h>

/// The parser state libcsv keeps between calls; 0 means "no row begun".
static inline int areaneeds_csv_row_not_begun(const struct csv_parser *p) {
    return p->pstate == 0;
}
#endif
