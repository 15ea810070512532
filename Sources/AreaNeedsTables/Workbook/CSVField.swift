/// Cell text written as one RFC 4180 CSV field, the way Excel's "CSV UTF-8" export writes
/// it: quoted when it holds a comma or a quote, quotes doubled.
///
/// A line break inside a cell becomes a space, so that each sheet row is one line and an
/// error's line number is the row's number; header names compare spaces and line breaks
/// alike, and codes and numbers never hold one. Open XML's escapes of characters XML
/// cannot carry (`_x000D_` for a carriage return) are decoded first.
enum CSVField {
    /// Appends the field for the cell text `text` to `output`.
    static func append(_ text: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        var needsQuotes = false
        var plain = true
        for byte in text {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""): needsQuotes = true; plain = false
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "_"): plain = false
            default: break
            }
        }
        if plain {
            output.append(contentsOf: text)
            return
        }
        if needsQuotes { output.append(UInt8(ascii: "\"")) }
        var index = 0
        while index < text.count {
            var byte = text[index]
            var length = 1
            if byte == UInt8(ascii: "_"), let (decoded, escapeLength) = escapedCharacter(text, at: index) {
                byte = decoded
                length = escapeLength
            }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): output.append(UInt8(ascii: " "))
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\"")])
            default: output.append(byte)
            }
            index += length
        }
        if needsQuotes { output.append(UInt8(ascii: "\"")) }
    }

    /// An escape `_xHHHH_` at `index` of a control character or an underscore, the ones
    /// Excel writes: the character and the escape's length. Others are left as written.
    private static func escapedCharacter(_ text: UnsafeRawBufferPointer, at index: Int) -> (UInt8, Int)? {
        guard index + 7 <= text.count, text[index + 1] == UInt8(ascii: "x"), text[index + 6] == UInt8(ascii: "_") else { return nil }
        var value = 0
        for offset in 2..<6 {
            guard let digit = hexDigit(text[index + offset]) else { return nil }
            value = value * 16 + digit
        }
        return value < 0x20 || value == 0x5F ? (UInt8(value), 7) : nil
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
