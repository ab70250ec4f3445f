// Parses HTML with libxml2 and flattens the tree into the arrays of mandate_html.h, so that Swift
// reads a page without ever seeing libxml2's types (see the header for why).
#include "mandate_html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t initialised = PTHREAD_ONCE_INIT;

// libxml2 wants its global state set up once, before threads use it.
static void initialise(void) { xmlInitParser(); }

// Growable arrays with a sticky failure flag: after a failed allocation every append is a no-op and
// the caller gives up once at the end.
typedef struct builder {
  mandate_html_document *document;
  size_t node_capacity;
  size_t attribute_capacity;
  size_t strings_capacity;
  int failed;
} builder;

static int reserve(void **array, size_t *capacity, size_t needed, size_t size) {
  if (needed <= *capacity) return 1;
  size_t next = *capacity ? *capacity : 64;
  while (next < needed) {
    if (next > SIZE_MAX / 2 / size) return 0;
    next *= 2;
  }
  void *grown = realloc(*array, next * size);
  if (!grown) return 0;
  *array = grown;
  *capacity = next;
  return 1;
}

// Appends `length` bytes to the strings and returns their offset.
static uint32_t append_bytes(builder *b, const char *bytes, size_t length) {
  mandate_html_document *d = b->document;
  if (b->failed) return 0;
  if (d->strings_length + length >= UINT32_MAX ||
      !reserve((void **)&d->strings, &b->strings_capacity, d->strings_length + length + 1, 1)) {
    b->failed = 1;
    return 0;
  }
  uint32_t offset = (uint32_t)d->strings_length;
  if (length) memcpy(d->strings + offset, bytes, length);
  d->strings_length += length;
  return offset;
}

// Appends the text of an attribute's value (its child text nodes, entities already decoded).
static void append_attribute(builder *b, xmlAttrPtr attribute) {
  mandate_html_document *d = b->document;
  if (b->failed || !attribute->name) return;
  if (!reserve((void **)&d->attributes, &b->attribute_capacity, d->attribute_count + 1,
               sizeof(mandate_html_attribute))) {
    b->failed = 1;
    return;
  }
  mandate_html_attribute entry;
  const char *name = (const char *)attribute->name;
  entry.name_length = (uint32_t)strlen(name);
  entry.name_offset = append_bytes(b, name, entry.name_length);
  entry.value_offset = (uint32_t)d->strings_length;
  for (xmlNodePtr child = attribute->children; child; child = child->next) {
    if (child->content) append_bytes(b, (const char *)child->content, strlen((const char *)child->content));
  }
  entry.value_length = (uint32_t)(d->strings_length - entry.value_offset);
  if (!b->failed) d->attributes[d->attribute_count++] = entry;
}

// Appends one node under `parent` (after `previous`, its last child so far) and returns its index.
static int32_t append_node(builder *b, xmlNodePtr node, int32_t parent, int32_t previous) {
  mandate_html_document *d = b->document;
  if (b->failed) return -1;
  if (d->node_count >= INT32_MAX ||
      !reserve((void **)&d->nodes, &b->node_capacity, d->node_count + 1, sizeof(mandate_html_node))) {
    b->failed = 1;
    return -1;
  }
  mandate_html_node entry;
  memset(&entry, 0, sizeof entry);
  entry.parent = parent;
  entry.first_child = -1;
  entry.next_sibling = -1;
  entry.line = (int32_t)node->line;
  const char *value;
  if (node->type == XML_ELEMENT_NODE) {
    entry.kind = MANDATE_HTML_ELEMENT;
    value = node->name ? (const char *)node->name : "";
  } else {
    entry.kind = MANDATE_HTML_TEXT;
    value = node->content ? (const char *)node->content : "";
  }
  entry.value_length = (uint32_t)strlen(value);
  entry.value_offset = append_bytes(b, value, entry.value_length);
  entry.attributes_start = (uint32_t)d->attribute_count;
  if (node->type == XML_ELEMENT_NODE) {
    for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next) {
      append_attribute(b, attribute);
    }
  }
  entry.attributes_count = (uint32_t)d->attribute_count - entry.attributes_start;
  if (b->failed) return -1;
  int32_t index = (int32_t)d->node_count++;
  d->nodes[index] = entry;
  if (previous >= 0) {
    d->nodes[previous].next_sibling = index;
  } else if (parent >= 0) {
    d->nodes[parent].first_child = index;
  }
  return index;
}

static int is_kept(xmlNodePtr node) {
  return node->type == XML_ELEMENT_NODE || node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

// Walks the tree in document order without recursion, so that deeply nested markup cannot exhaust the stack.
static void flatten(builder *b, xmlDocPtr doc) {
  size_t depth_capacity = 0;
  // For each open element: its index and the index of its last child so far.
  int32_t *stack = NULL;
  size_t depth = 0;
  int32_t parent = -1;
  int32_t previous = -1;
  xmlNodePtr node = doc->children;
  while (node && !b->failed) {
    int descended = 0;
    if (is_kept(node)) {
      int32_t index = append_node(b, node, parent, previous);
      previous = index;
      if (node->type == XML_ELEMENT_NODE && node->children) {
        if (!reserve((void **)&stack, &depth_capacity, (depth + 1) * 2, sizeof(int32_t))) {
          b->failed = 1;
          break;
        }
        stack[depth * 2] = parent;
        stack[depth * 2 + 1] = previous;
        depth++;
        parent = index;
        previous = -1;
        node = node->children;
        descended = 1;
      }
    }
    if (descended) continue;
    while (node && !node->next && depth > 0) {
      node = node->parent;
      depth--;
      parent = stack[depth * 2];
      previous = stack[depth * 2 + 1];
    }
    node = node ? node->next : NULL;
  }
  free(stack);
}

mandate_html_document *mandate_html_parse(const char *utf8, size_t length) {
  if (length > INT_MAX) return NULL;
  pthread_once(&initialised, initialise);
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_IGNORE_ENC;
  // libxml2 wants at least one byte; an empty page is an empty document.
  htmlDocPtr doc = htmlReadMemory(length ? utf8 : " ", length ? (int)length : 1, NULL, "UTF-8", options);
  mandate_html_document *document = calloc(1, sizeof *document);
  if (!document) {
    if (doc) xmlFreeDoc(doc);
    return NULL;
  }
  builder b = {document, 0, 0, 0, 0};
  if (doc) {
    flatten(&b, doc);
    xmlFreeDoc(doc);
  }
  if (b.failed) {
    mandate_html_free(document);
    return NULL;
  }
  return document;
}

void mandate_html_free(mandate_html_document *document) {
  if (!document) return;
  free(document->nodes);
  free(document->attributes);
  free(document->strings);
  free(document);
}
