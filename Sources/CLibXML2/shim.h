// libxml2's HTML parser, for the project's C target CHTMLParser only. Swift code never imports this
// module: libxml2's headers pull in the system ICU headers, which clash with Foundation's own.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
