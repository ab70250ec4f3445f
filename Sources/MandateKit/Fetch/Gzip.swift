import CZlib
import Foundation

/// gzip through the system zlib: fetched bodies are kept compressed under `Snapshots/`.
///
/// The output is the same for the same input (zlib writes no time or name into the header), so a
/// kept body's file never changes once written.
public enum Gzip {
  /// Why a gzip stream could not be read or written.
  public struct Failure: Error, Equatable, CustomStringConvertible {
    public var description: String
  }

  public static func compress(_ data: Data, level: Int32 = 6) throws(Failure) -> Data {
    var stream = z_stream()
    // 15 window bits, plus 16: a gzip wrapper rather than a zlib one.
    guard
      deflateInit2_(
        &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw Failure(description: "cannot start zlib's compressor") }
    defer { deflateEnd(&stream) }
    var output = Data()
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    var status: Int32 = Z_OK
    data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
      stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
      stream.avail_in = uInt(input.count)
      repeat {
        chunk.withUnsafeMutableBufferPointer { buffer in
          stream.next_out = buffer.baseAddress
          stream.avail_out = uInt(buffer.count)
          status = deflate(&stream, Z_FINISH)
          output.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
        }
      } while status == Z_OK
    }
    guard status == Z_STREAM_END else { throw Failure(description: "zlib could not compress (status \(status))") }
    return output
  }

  /// The bytes of a gzip stream (several members are read one after the other); at most
  /// `limit` bytes, so that a small file cannot unpack into gigabytes.
  public static func decompress(_ data: Data, limit: Int = Int.max) throws(Failure) -> Data {
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw Failure(description: "cannot start zlib's decompressor")
    }
    defer { inflateEnd(&stream) }
    var output = Data()
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    var status: Int32 = Z_OK
    var tooLarge = false
    data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
      stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
      stream.avail_in = uInt(input.count)
      while true {
        chunk.withUnsafeMutableBufferPointer { buffer in
          stream.next_out = buffer.baseAddress
          stream.avail_out = uInt(buffer.count)
          status = inflate(&stream, Z_NO_FLUSH)
          output.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
        }
        if output.count > limit {
          tooLarge = true
          return
        }
        // Another member may follow the end of one.
        if status == Z_STREAM_END, stream.avail_in > 0, inflateReset(&stream) == Z_OK { continue }
        if status != Z_OK { return }
      }
    }
    if tooLarge { throw Failure(description: "unpacks to more than \(limit) bytes") }
    guard status == Z_STREAM_END else {
      throw Failure(description: status == Z_BUF_ERROR ? "the gzip data is cut short" : "not valid gzip data")
    }
    return output
  }
}
