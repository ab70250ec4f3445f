// The project's own small API over libxml2's HTML parser. This header deliberately includes nothing
// of libxml2 (whose headers clash with Foundation's ICU module when Swift sees them): a parsed page
// is handed to Swift as flat arrays of nodes and attributes whose strings live in one UTF-8 buffer.
#ifndef MANDATE_HTML_H
#define MANDATE_HTML_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What a node is.
enum {
  MANDATE_HTML_ELEMENT = 1,
  MANDATE_HTML_TEXT = 2,
};

/// One node of the parsed tree, in document order; links are indices into the node array, -1 for none.
typedef struct mandate_html_node {
  int32_t kind;
  int32_t parent;
  int32_t first_child;
  int32_t next_sibling;
  /// The element's lowercase name (elements) or the text (text nodes), as offset and length in the strings.
  uint32_t value_offset;
  uint32_t value_length;
  /// The element's attributes: a range of the attribute array.
  uint32_t attributes_start;
  uint32_t attributes_count;
  /// The 1-based source line where the node starts (0 when unknown).
  int32_t line;
} mandate_html_node;

/// One attribute: lowercase name and value, each as offset and length in the strings.
typedef struct mandate_html_attribute {
  uint32_t name_offset;
  uint32_t name_length;
  uint32_t value_offset;
  uint32_t value_length;
} mandate_html_attribute;

/// A parsed page; all arrays belong to it and live until `mandate_html_free`.
typedef struct mandate_html_document {
  mandate_html_node *nodes;
  size_t node_count;
  mandate_html_attribute *attributes;
  size_t attribute_count;
  char *strings;
  size_t strings_length;
} mandate_html_document;

/// Parses `length` bytes of UTF-8 HTML with libxml2's tolerant HTML parser (recovering from broken
/// markup, silent, never touching the network, ignoring the page's own charset declaration because
/// the caller has already decoded it). Returns NULL when memory runs out or the input is too large;
/// any other input, however broken, gives a document.
mandate_html_document *mandate_html_parse(const char *utf8, size_t length);

/// Frees a document returned by `mandate_html_parse`; NULL is ignored.
void mandate_html_free(mandate_html_document *document);

#ifdef __cplusplus
}
#endif

#endif
