import CreditKitCore
import Foundation

/// An OCDS file opened for reading in bounded pieces (开放合同数据文件): never mapped, so a file cut short while
/// it is read is an error, not a crash.
final class OCDSFile {
    let path: String
    let descriptor: Int32
    /// The size when opened; the file is read to here and must still be this long at the end.
    let size: Int

    init(path: String) throws {
        self.path = path
        // A FIFO or a device would block the open itself: only a regular file is opened.
        var before = stat()
        guard stat(path, &before) == 0 else {
            throw CreditKitError(.invalidArgument, "cannot read OCDS file \(path): \(String(cString: strerror(errno)))")
        }
        guard (before.st_mode & S_IFMT) == S_IFREG else {
            throw CreditKitError(.invalidArgument, "OCDS file \(path) is not a regular file")
        }
        descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw CreditKitError(.invalidArgument, "cannot read OCDS file \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw CreditKitError(.invalidArgument, "OCDS file \(path) is not a regular file")
        }
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Fills `buffer[at..<(at + count)]` from `offset`, or throws when the file ends first (it shrank).
    func read(into buffer: UnsafeMutableRawBufferPointer, at: Int, count: Int, offset: Int) throws {
        var done = 0
        while done < count {
            let n = pread(descriptor, buffer.baseAddress! + at + done, count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw n < 0
                    ? CreditKitError(
                        .invalidArgument, "cannot read OCDS file \(path): \(String(cString: strerror(errno)))")
                    : changed(at: offset + done)
            }
            done += n
        }
    }

    func changed(at offset: Int) -> CreditKitError {
        CreditKitError(
            .invalidArgument,
            "OCDS file \(path) changed while it was read: it ended at byte \(offset) of \(size); read it again once "
                + "it is complete")
    }

    /// The bytes of a range.
    func bytes(_ range: Range<Int>) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: range.count)
        try out.withUnsafeMutableBytes { try read(into: $0, at: 0, count: range.count, offset: range.lowerBound) }
        return out
    }

    /// Where the data starts: after a UTF-8 byte-order mark, if any. A compressed file is refused.
    func dataStart() throws -> Int {
        let head = try bytes(0..<min(8, size))
        return try head.withUnsafeBytes { try Self.dataStart(of: $0, name: path) }
    }

    /// Where the data of some bytes starts (after a byte-order mark); compressed bytes are refused.
    static func dataStart(of head: UnsafeRawBufferPointer, name: String) throws -> Int {
        let magic: [(bytes: [UInt8], format: String, tool: String)] = [
            ([0x1F, 0x8B], "gzip", "gunzip"), ([0x42, 0x5A, 0x68], "bzip2", "bunzip2"),
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz", "unxz"), ([0x28, 0xB5, 0x2F, 0xFD], "zstd", "unzstd"),
            ([0x50, 0x4B, 0x03, 0x04], "zip", "unzip"),
        ]
        for m in magic where head.starts(with: m.bytes) {
            throw CreditKitError(
                .invalidArgument,
                "\(name) is \(m.format)-compressed; decompress it first (\(m.tool)) and read the JSON it holds")
        }
        return head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The offset just after the first newline at or after `offset` (the file's size when there is none).
    func lineEnd(after offset: Int) throws -> Int {
        var position = offset
        while position < size {
            let chunk = try bytes(position..<min(size, position + (64 << 10)))
            if let newline = chunk.firstIndex(of: 0x0A) { return position + newline + 1 }
            position += chunk.count
        }
        return size
    }

    /// Calls `body` with each line of `from..<to` (without its newline), through a buffer of bounded size that
    /// grows only for a line longer than it.
    func forEachLine(from: Int, to: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: OCDSReader.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var held = 0  // bytes of an unfinished line at the buffer's start
        var offset = from
        while offset < to || held > 0 {
            if offset < to {
                if held == buffer.count {
                    let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                    larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<held]))
                    buffer.deallocate()
                    buffer = larger
                }
                let count = min(buffer.count - held, to - offset)
                try read(into: buffer, at: held, count: count, offset: offset)
                offset += count
                held += count
            }
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var lineStart = 0
            while lineStart < held, let found = memchr(base + lineStart, 0x0A, held - lineStart) {
                let end = base.distance(to: UnsafeRawPointer(found))
                try body(UnsafeRawBufferPointer(start: base + lineStart, count: end - lineStart))
                lineStart = end + 1
            }
            if offset >= to {
                // The last line, with no newline after it.
                if lineStart < held {
                    try body(UnsafeRawBufferPointer(start: base + lineStart, count: held - lineStart))
                }
                held = 0
            } else {
                held -= lineStart
                if lineStart > 0, held > 0 {
                    memmove(buffer.baseAddress!, buffer.baseAddress! + lineStart, held)
                }
            }
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == size else {
            throw Int(info.st_size) > size
                ? CreditKitError(
                    .invalidArgument,
                    "OCDS file \(path) changed while it was read: it grew from \(size) to \(info.st_size) bytes; read "
                        + "it again once it is complete")
                : changed(at: Int(info.st_size))
        }
    }
}
