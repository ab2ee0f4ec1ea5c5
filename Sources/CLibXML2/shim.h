#ifndef GONGWEN_CLIBXML2_SHIM_H
#define GONGWEN_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU support, whose headers would clash with
// Foundation's private ICU in any module that sees both.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// Swift 6 rejects the global function pointer `xmlFree` as not concurrency-safe.
static inline void cxml_free(void *p) { xmlFree(p); }
static inline const char *cxml_version(void) { return LIBXML_DOTTED_VERSION; }
#endif
