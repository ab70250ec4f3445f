#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns a page's bytes into valid UTF-8, the only encoding the HTML parser is then given.
///
/// Decoding before parsing keeps the choice of encoding ours (see `PageCharset`): libxml2 would
/// otherwise switch to a `<meta>` declaration the page got wrong, and on the first byte that is not
/// UTF-8 it re-reads the rest of the page as Latin-1. Bytes that are invalid in the chosen encoding
/// become U+FFFD, as in browsers, and so does NUL, which would end the text early in C.
enum PageDecoder {
  static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  static func utf8(_ bytes: [UInt8], charset: PageCharset) -> [UInt8] {
    let body = charset.skip == 0 ? bytes[...] : bytes.dropFirst(charset.skip)
    switch charset.name {
    case PageCharset.utf8: return repairedUTF8(body)
    case "UTF-16LE": return utf16(body, bigEndian: false)
    case "UTF-16BE": return utf16(body, bigEndian: true)
    default: return converted(body, from: charset.name) ?? repairedUTF8(body)
    }
  }

  /// UTF-8 with every ill-formed sequence and NUL replaced by U+FFFD.
  static func repairedUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    if !bytes.contains(0), TextFile.firstInvalidUTF8(Array(bytes)) == nil { return Array(bytes) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 16)
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    decoding: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if encoded.count == 1 && encoded.first == 0 {
          output += replacement
        } else {
          output.append(contentsOf: encoded)
        }
      case .error: output += replacement
      case .emptyInput: break decoding
      }
    }
    return output
  }

  static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    var output: [UInt8] = []
    output.reserveCapacity(units.count * 2)
    for scalar in String(decoding: units, as: UTF16.self).unicodeScalars {
      if scalar.value == 0 { output += replacement } else { output.append(contentsOf: UTF8.encode(scalar)!) }
    }
    // An odd last byte is half a character.
    if index < bytes.endIndex { output += replacement }
    return output
  }

  /// The bytes converted from `encoding` with iconv; nil when iconv does not know the encoding.
  static func converted(_ bytes: ArraySlice<UInt8>, from encoding: String) -> [UInt8]? {
    let converter = iconv_open("UTF-8", encoding)
    guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = Array(bytes)
    var output = [UInt8](repeating: 0, count: max(64, input.count * 2 + 16))
    var written = 0
    var consumed = 0
    while consumed < input.count {
      var inLeft = input.count - consumed
      var outLeft = output.count - written
      let status = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
          var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + consumed)
            .assumingMemoryBound(to: CChar.self)
          var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + written)
            .assumingMemoryBound(to: CChar.self)
          return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        }
      }
      let error = errno
      consumed = input.count - inLeft
      written = output.count - outLeft
      guard status == -1 else { break }
      switch error {
      case E2BIG:
        output += [UInt8](repeating: 0, count: output.count)
      default:
        // EILSEQ (a byte the encoding does not define) or EINVAL (a character cut off at the end).
        if output.count - written < 3 { output += [UInt8](repeating: 0, count: output.count) }
        output.replaceSubrange(written..<written + 3, with: replacement)
        written += 3
        consumed += 1
      }
    }
    input.removeAll()
    output.removeSubrange(written...)
    // iconv passes NUL through.
    if output.contains(0) { return repairedUTF8(output[...]) }
    return output
  }
}
