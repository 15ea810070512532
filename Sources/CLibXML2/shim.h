// The system libxml2 (Debian: libxml2-dev), seen by Swift only through AreaNeedsTables,
// which parses the XML parts of Excel workbooks with its SAX2 push parser.
#ifndef AREANEEDS_CLIBXML2_SHIM_H
#define AREANEEDS_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy of ICU inside
// Foundation. Only the encoding handler's layout depends on them, which AreaNeeds never
// touches (the parser context holds a pointer to it), so the ICU parts are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
