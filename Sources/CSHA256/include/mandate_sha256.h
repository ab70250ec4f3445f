#ifndef MANDATE_SHA256_H
#define MANDATE_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (x86 SHA-NI) that `mandate_sha256_blocks` uses.
int mandate_sha256_available(void);

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for the Swift code too.
const uint32_t *mandate_sha256_constants(void);

/// Runs SHA-256's compression over `blocks` whole 64-byte blocks at `data`, updating `state`
/// (the eight working words). Only when `mandate_sha256_available()` returned 1.
void mandate_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
