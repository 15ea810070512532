/// Reads Windows-1252 text (and Latin-1, read as it) as UTF-8, a chunk at a time: bytes
/// below 0x80 are the same in both; each byte above becomes the two or three bytes of its
/// character. The five bytes Windows-1252 leaves undefined become the control characters
/// of the same number, as web browsers read them.
final class Windows1252Decoder: ByteSource {
    private let source: ByteSource
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)

    init(source: ByteSource) {
        self.source = source
    }

    deinit { input.deallocate() }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TableError) -> Int {
        // Each byte read may take three bytes of the buffer.
        let wanted = max(1, min(input.count, buffer.count / 3))
        let got = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: input[0..<wanted]))
        var written = 0
        for index in 0..<got {
            let byte = input[index]
            if byte < 0x80 {
                buffer[written] = byte
                written += 1
                continue
            }
            let scalar = byte < 0xA0 ? Windows1252Decoder.high[Int(byte - 0x80)] : UInt32(byte)
            if scalar < 0x800 {
                buffer[written] = UInt8(0xC0 | (scalar >> 6))
                buffer[written + 1] = UInt8(0x80 | (scalar & 0x3F))
                written += 2
            } else {
                buffer[written] = UInt8(0xE0 | (scalar >> 12))
                buffer[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                buffer[written + 2] = UInt8(0x80 | (scalar & 0x3F))
                written += 3
            }
        }
        return written
    }

    /// The characters of bytes 0x80 to 0x9F (€, ‚, ƒ, „, …, †, ‡, ˆ, ‰, Š, ‹, Œ, Ž, curly
    /// quotes, •, dashes, ˜, ™, š, ›, œ, ž, Ÿ).
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Whether bytes that are not UTF-8 look like Windows-1252 text: no control characters
    /// but tabs and line ends, and none of the five bytes Windows-1252 leaves undefined.
    static func looksLikeText(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { byte in
            switch byte {
            case 0x09, 0x0A, 0x0D: true
            case 0x00..<0x20, 0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D: false
            default: true
            }
        }
    }
}
