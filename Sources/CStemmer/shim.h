// Snowball's stemmers (Debian libstemmer-dev): English and Russian word stems for matching and search.
// The header declares only libstemmer's own small API (no system headers), so Swift imports it directly.
#include <libstemmer.h>
