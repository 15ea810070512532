/// The workbook's own small XML writer: bytes appended to a buffer, every text escaped.
///
/// Text is escaped for element content or attributes; the characters XML 1.0 forbids
/// (control characters other than tab, line feed and carriage return, and U+FFFE, U+FFFF)
/// are removed, as no XML parser would read a file holding them. A carriage return is
/// written as `&#13;`, which a parser keeps (a raw one it would turn into a line feed).
struct XMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends markup as it is: tags and attributes the workbook writes itself.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends bytes as they are.
    mutating func raw(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    /// Appends a whole number.
    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends `text` as element content, escaped.
    mutating func text(_ text: String) {
        append(text, inAttribute: false)
    }

    /// Appends `text` as an attribute value (without its quotes), escaped.
    mutating func attribute(_ text: String) {
        append(text, inAttribute: true)
    }

    /// True when `text` needs `xml:space="preserve"` to keep its spaces: it begins or ends
    /// with white space, which a spreadsheet would otherwise trim.
    static func needsPreservedSpace(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return isSpace(first) || isSpace(last)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func append(_ text: String, inAttribute: Bool) {
        let utf8 = text.utf8
        // Nearly all text is plain: copied in one go.
        if !utf8.contains(where: { XMLBuffer.needsCare($0, inAttribute: inAttribute) }) {
            bytes.append(contentsOf: utf8)
            return
        }
        var pending = 0  // bytes of a U+FFFE or U+FFFF seen so far (EF BF ...)
        for byte in utf8 {
            if pending == 2 {
                pending = 0
                if byte == 0xBE || byte == 0xBF { continue }  // U+FFFE, U+FFFF: forbidden
                bytes.append(contentsOf: [0xEF, 0xBF])
            } else if pending == 1 {
                pending = 0
                if byte == 0xBF { pending = 2; continue }
                bytes.append(0xEF)
            }
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where inAttribute: bytes.append(contentsOf: "&quot;".utf8)
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
            case 0x09 where inAttribute: bytes.append(contentsOf: "&#9;".utf8)
            case 0x0A where inAttribute: bytes.append(contentsOf: "&#10;".utf8)
            case 0x09, 0x0A: bytes.append(byte)
            case 0x00..<0x20: continue  // forbidden in XML 1.0: removed
            case 0xEF: pending = 1
            default: bytes.append(byte)
            }
        }
        if pending == 1 { bytes.append(0xEF) }
        if pending == 2 { bytes.append(contentsOf: [0xEF, 0xBF]) }
    }

    private static func needsCare(_ byte: UInt8, inAttribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEF: true
        case UInt8(ascii: "\""): inAttribute
        case 0x09, 0x0A: inAttribute
        case 0x00..<0x20: true
        default: false
        }
    }
}
