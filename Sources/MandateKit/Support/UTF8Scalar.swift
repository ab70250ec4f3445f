/// Decoding one scalar of UTF-8 bytes in the scanners that walk text byte by byte (`WordScanner`,
/// `TextNormalizer`): their ASCII fast paths stay inline, and the rarer multi-byte letters come here.
enum UTF8Scalar {
  /// The scalar value of the multi-byte sequence that starts at `index`, and how many bytes it takes
  /// (at least 1, never past `count`). A stray continuation byte reads as U+FFFD; a sequence cut by
  /// the end keeps the bits it has.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, count: Int) -> (value: UInt32, size: Int) {
    let byte = bytes[index]
    var value: UInt32
    var size: Int
    switch byte {
    case 0xC0...0xDF: (value, size) = (UInt32(byte & 0x1F), 2)
    case 0xE0...0xEF: (value, size) = (UInt32(byte & 0x0F), 3)
    case 0xF0...0xF7: (value, size) = (UInt32(byte & 0x07), 4)
    default: (value, size) = (0xFFFD, 1)
    }
    if index + size > count { size = count - index }
    for offset in 1..<max(size, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return (value, max(size, 1))
  }
}
