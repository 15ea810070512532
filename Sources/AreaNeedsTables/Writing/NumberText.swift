/// Numbers as table text: the shortest decimal that reads back to the same `Double`,
/// never in exponent form, with no locale. Whole numbers have no decimal point, except in
/// the decimal form, which release columns of type `number` use.
///
///     NumberText.format(0.1)      // "0.1"
///     NumberText.format(1e-05)    // "0.00001"
///     NumberText.format(-3.0)     // "-3"
///     NumberText.decimal(-3.0)    // "-3.0"
public enum NumberText {
    /// The value as a whole number, when it is one written without a decimal point: every
    /// whole number below 10^15, where each `Double` is a whole number exactly.
    @inlinable
    public static func wholeNumber(_ value: Double) -> Int? {
        value.rounded() == value && abs(value) < 1e15 ? Int(value) : nil
    }

    /// The most bytes `write(_:to:)` writes: those of "-9223372036854775808".
    @inlinable public static var maxWholeNumberBytes: Int { 20 }

    /// Writes the digits of `value`, after a minus sign when it is negative, from `start`,
    /// which must have room for `maxWholeNumberBytes`; returns how many bytes it wrote.
    /// The one place whole numbers become text: tables write them without making a string.
    @inlinable @inline(__always)
    static func write(_ value: Int, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var digits = 0
        repeat {
            digits &+= 1
            magnitude /= 10
        } while magnitude > 0
        var sign = 0
        if value < 0 {
            start[0] = UInt8(ascii: "-")
            sign = 1
        }
        magnitude = value.magnitude
        let end = start + sign + digits
        for position in 1...digits {
            end[-position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        }
        return sign + digits
    }

    /// Appends the text for `value` to `bytes`, as `TableRow.append(number:)` writes it:
    /// whole numbers without making a string.
    public static func append(_ value: Double, to bytes: inout [UInt8]) {
        if let whole = wholeNumber(value) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxWholeNumberBytes) { digits in
                let count = write(whole, to: digits.baseAddress!)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<count]))
            }
        } else {
            var text = format(value)
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// The text for `value` with a decimal point always: "12.0" where `format` writes "12".
    /// A release's `number` columns are written so, and a reader that guesses types from the
    /// text (DuckDB, pandas, R) reads the column as floating point in every release, not as
    /// whole numbers in one and decimals in the next.
    public static func decimal(_ value: Double) -> String {
        let text = format(value)
        return text.utf8.contains(UInt8(ascii: ".")) ? text : text + ".0"
    }

    /// Appends `decimal(value)` to `bytes`, whole numbers without making a string.
    public static func appendDecimal(_ value: Double, to bytes: inout [UInt8]) {
        if wholeNumber(value) != nil {
            append(value, to: &bytes)
            bytes.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "0")])
        } else {
            var text = decimal(value)
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// The text for `value`, which must be finite.
    public static func format(_ value: Double) -> String {
        precondition(value.isFinite, "tables hold finite numbers only")
        if let whole = wholeNumber(value) { return String(whole) }
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
