/// Numbers as table text: the shortest decimal that reads back to the same `Double`,
/// never in exponent form, with no locale. Whole numbers have no decimal point.
///
///     NumberText.format(0.1)      // "0.1"
///     NumberText.format(1e-05)    // "0.00001"
///     NumberText.format(-3.0)     // "-3"
public enum NumberText {
    /// Appends the text for `value` to `bytes`, as `TableRow.append(number:)` writes it:
    /// whole numbers without making a string.
    public static func append(_ value: Double, to bytes: inout [UInt8]) {
        if value.rounded() == value, abs(value) < 1e15 {
            var whole = Int64(value)
            if whole < 0 {
                bytes.append(UInt8(ascii: "-"))
                whole = -whole
            }
            let start = bytes.count
            repeat {
                bytes.append(UInt8(ascii: "0") + UInt8(whole % 10))
                whole /= 10
            } while whole > 0
            bytes[start...].reverse()
        } else {
            var text = format(value)
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// The text for `value`, which must be finite.
    public static func format(_ value: Double) -> String {
        precondition(value.isFinite, "tables hold finite numbers only")
        if value == 0 { return "0" }
        if value.rounded() == value, abs(value) < 1e15 {
            return String(Int64(value))
        }
        // Swift's description is the shortest round-tripping form; expand its exponent.
        var shortest = value.description
        // Most values have no exponent: tell so from the UTF-8 bytes, as walking Characters
        // cost a fifth of writing a need table (and the UTF-8 view, index by index, 400
        // instructions a number).
        let hasExponent = shortest.withUTF8 { bytes in bytes.contains { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } }
        guard hasExponent else {
            return shortest.utf8.last == UInt8(ascii: "0") && shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        }
        let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" })!
        let exponent = Int(shortest[shortest.index(after: e)...])!
        var mantissa = shortest[..<e]
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        let point = parts[0].count + exponent  // position of the decimal point in `digits`
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: point)
            text = digits[..<split] + "." + digits[split...]
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return negative ? "-" + text : text
    }
}
