#ifndef NEWSBUS_CLIBXML2_SHIM_H
#define NEWSBUS_CLIBXML2_SHIM_H

/* libxml2 is built with ICU, and its encoding header would pull ICU's C headers into Swift modules that also see
   Foundation's own copy of ICU (the two clash). The parse core never touches encoding handlers, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* xmlFree is a global function pointer, which Swift 6 sees as unsafe shared state: call it through a function. */
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }

/* The options the parse core always uses: recover from tag soup, stay silent, never touch the network, keep
   going past libxml2's default nesting limit of 256 (unclosed <font> tags reach it), compact small text nodes. */
static inline int clibxml2_html_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
        | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
}

#endif
