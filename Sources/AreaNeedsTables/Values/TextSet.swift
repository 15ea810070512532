#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A few texts that fields are compared with, byte for byte, with no `String` made for a
/// field: the values a row filter keeps or leaves out, tested on every row of a long table.
///
///     let kept = TextSet(["No qualifications"])
///     if record.field(category, in: kept) != nil { ... }
///
/// The texts and the fields are compared trimmed of the spaces and tabs around them, and
/// otherwise exactly (case and inner spaces count).
public struct TextSet: Sendable, Equatable {
    /// The texts' bytes, one after another.
    private let bytes: [UInt8]
    /// Where each text starts in `bytes`, and one past the last.
    private let starts: [Int]

    /// The set of `texts`, each trimmed; their positions are those of `texts`.
    public init(_ texts: [String]) {
        var bytes: [UInt8] = []
        var starts = [0]
        for text in texts {
            bytes += Array(text.trimmingWhitespace().utf8)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// How many texts there are.
    public var count: Int { starts.count - 1 }

    /// The position of the text equal to `text` (trimmed), if any.
    public func index(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { index(of: UnsafeRawBufferPointer($0)) }
    }

    /// The position of the text equal to these bytes (trimmed), if any.
    func index(of field: UnsafeRawBufferPointer) -> Int? {
        var start = 0
        var end = field.count
        while start < end, field[start] == .space || field[start] == .tab { start += 1 }
        while end > start, field[end - 1] == .space || field[end - 1] == .tab { end -= 1 }
        let length = end - start
        return bytes.withUnsafeBytes { texts in
            for index in 0..<(starts.count - 1) where starts[index + 1] - starts[index] == length {
                if length == 0 || memcmp(texts.baseAddress! + starts[index], field.baseAddress! + start, length) == 0 { return index }
            }
            return nil
        }
    }
}

extension TableRecord {
    /// The position in `set` of the text this field holds; nil when it holds none of them.
    public func field(_ column: TableColumn, in set: TextSet) -> Int? {
        set.index(of: fields.field(column.index))
    }
}
