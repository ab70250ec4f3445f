// The system zlib (Debian zlib1g-dev): gzip for the kept bodies of fetched sources.
#include <zlib.h>
