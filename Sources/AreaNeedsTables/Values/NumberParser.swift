/// Reads numbers the way government tables write them.
///
/// Accepted: optional sign, an optional leading "£", digits with optional thousands
/// separators in groups of three ("1,234,567"), an optional decimal part and exponent, and
/// an optional trailing "%" (dropped: "12.5%" reads as 12.5, in the column's own unit).
/// Suppression markers read as missing values that keep the marker: the standard ones
/// (`*`, `..`, `.`, `c`, `x`, `z`, `-`, `:`, `[c]`, `[x]`, `[z]`, and an empty cell) and any the
/// caller adds; letters match in either case. Anything else is not a number, nor is a
/// number beyond the range of a double: every number read is finite.
public struct NumberParser: Sendable {
    /// The markers every table may use for a value that is missing or suppressed.
    /// `z` is the statistical services' "not applicable", as DfE's tables use it.
    public static let standardMissingMarkers = ["", "*", "..", ".", "c", "x", "z", "-", ":", "[c]", "[x]", "[z]"]

    /// The markers in lower case, packed: looked up without allocating, as empty cells and
    /// markers are common (a staging table's empty columns reach here for every row).
    private let markers: Set<MissingMarker>
    private let longestMarker: Int

    /// A parser that also reads `extraMissingMarkers` as missing values; each may be at
    /// most `MissingMarker.maximumLength` bytes, and must not read as a number.
    public init(extraMissingMarkers: [String] = []) {
        let all = NumberParser.standardMissingMarkers + extraMissingMarkers
        markers = Set(all.compactMap { MissingMarker($0.lowercased()) })
        longestMarker = markers.map { Int($0.length) }.max() ?? 0
    }

    /// Parses `text`; nil when it is neither a number nor a missing-value marker.
    public func parse(_ text: String) -> NumericCell? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    /// Parses the UTF-8 bytes of one field; nil when they are neither a number nor a marker.
    @inlinable
    func parse(_ field: UnsafeRawBufferPointer) -> NumericCell? {
        if let value = NumberParser.parsePlainWholeNumber(field) { return .number(value) }
        return parseInGeneral(field)
    }

    /// The fast path: a plain whole number of up to 15 digits, as most fields of count
    /// tables are; nil for anything else. Needs no parser state, so it inlines cheaply.
    @inlinable @inline(__always)
    static func parsePlainWholeNumber(_ field: UnsafeRawBufferPointer) -> Double? {
        let count = field.count
        guard count > 0, count <= 15 else { return nil }
        var value: UInt64 = 0
        for index in 0..<count {
            let digit = field[index] &- 48
            if digit >= 10 { return nil }
            value = value &* 10 &+ UInt64(digit)
        }
        return Double(value)
    }

    @usableFromInline
    func parseInGeneral(_ field: UnsafeRawBufferPointer) -> NumericCell? {
        var start = 0
        var end = field.count
        while start < end, field[start] == .space || field[start] == .tab { start += 1 }
        while end > start, field[end - 1] == .space || field[end - 1] == .tab { end -= 1 }
        let bytes = UnsafeRawBufferPointer(rebasing: field[start..<end])
        // An empty cell is a missing value in every table.
        if bytes.isEmpty { return .missing(MissingMarker(bytes: bytes)) }

        // No marker reads as a number, so the common case, a number, is tried first.
        if let number = parseNumber(bytes) { return .number(number) }
        if bytes.count <= longestMarker, let marker = missingMarker(bytes) {
            return .missing(marker)
        }
        return nil
    }

    private func missingMarker(_ bytes: UnsafeRawBufferPointer) -> MissingMarker? {
        guard markers.contains(MissingMarker(lowercasing: bytes)) else { return nil }
        return MissingMarker(bytes: bytes)
    }

    private func parseNumber(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count, bytes[index] == .minus || bytes[index] == .plus {
            negative = bytes[index] == .minus
            index += 1
        }
        if index + 1 < count, bytes[index] == 0xC2, bytes[index + 1] == 0xA3 {  // "£"
            index += 2
        }

        var mantissa: UInt64 = 0
        var exponent = 0
        var digits = 0
        var exact = true

        // Integer part, with thousands separators checked as groups of three.
        var groupLength = 0
        var sawSeparator = false
        while index < count {
            let byte = bytes[index]
            if byte.isDigit {
                accumulate(byte, into: &mantissa, exponent: &exponent, exact: &exact, fraction: false)
                digits += 1
                groupLength += 1
            } else if byte == .comma {
                let validGroup = sawSeparator ? groupLength == 3 : (1...3).contains(groupLength)
                guard validGroup else { return nil }
                sawSeparator = true
                groupLength = 0
            } else {
                break
            }
            index += 1
        }
        if sawSeparator, groupLength != 3 { return nil }

        if index < count, bytes[index] == .dot {
            index += 1
            while index < count, bytes[index].isDigit {
                accumulate(bytes[index], into: &mantissa, exponent: &exponent, exact: &exact, fraction: true)
                digits += 1
                index += 1
            }
        }
        guard digits > 0 else { return nil }

        var written = 0
        if index < count, bytes[index] == .lowerE || bytes[index] == .upperE {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == .minus || bytes[index] == .plus {
                exponentNegative = bytes[index] == .minus
                index += 1
            }
            var exponentDigits = 0
            while index < count, bytes[index].isDigit {
                if written < 100_000 { written = written * 10 + Int(bytes[index] - .zero) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            if exponentNegative { written = -written }
        }
        if index < count, bytes[index] == .percent { index += 1 }
        guard index == count else { return nil }

        exponent += written
        let value: Double
        // Clinger's fast path: both operands exact, so one rounding gives the right answer.
        if exact, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            let scale = powerOfTen(abs(exponent))
            value = exponent >= 0 ? Double(mantissa) * scale : Double(mantissa) / scale
        } else {
            value = slowParse(bytes)
        }
        // Beyond the range of a double ("1e309") a number would read as infinite: not one.
        guard value.isFinite else { return nil }
        return negative ? -value : value
    }

    @inline(__always)
    private func accumulate(_ digit: UInt8, into mantissa: inout UInt64, exponent: inout Int, exact: inout Bool, fraction: Bool) {
        if mantissa < 1_000_000_000_000_000_000 / 10 {
            mantissa = mantissa * 10 + UInt64(digit - .zero)
            if fraction { exponent -= 1 }
        } else {
            if digit != .zero { exact = false }
            if !fraction { exponent += 1 }
        }
    }

    /// Correctly rounded conversion for the numbers the fast path cannot take: those with
    /// more than 15 significant digits, as the shortest text of a computed double often has.
    /// The digits, point and exponent are gathered on the stack and converted in one go
    /// (appending them to a String one by one cost ten times as much).
    private func slowParse(_ bytes: UnsafeRawBufferPointer) -> Double {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { clean in
            var count = 0
            for byte in bytes {
                if byte.isDigit || byte == .dot || byte == .lowerE || byte == .upperE {
                    clean[count] = byte
                    count += 1
                } else if byte == .minus, count > 0, clean[count - 1] == .lowerE || clean[count - 1] == .upperE {
                    clean[count] = byte
                    count += 1
                }
            }
            return Double(String(decoding: UnsafeBufferPointer(rebasing: clean[0..<count]), as: UTF8.self)) ?? .nan
        }
    }
}

/// 10^exponent for 0...22, the powers of ten a Double holds exactly.
@inline(__always)
private func powerOfTen(_ exponent: Int) -> Double {
    switch exponent {
    case 0: 1e0
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
}

extension UInt8 {
    @usableFromInline static let space = UInt8(ascii: " ")
    @usableFromInline static let tab = UInt8(ascii: "\t")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    @usableFromInline static let comma = UInt8(ascii: ",")
    static let dot = UInt8(ascii: ".")
    static let percent = UInt8(ascii: "%")
    static let lowerE = UInt8(ascii: "e")
    static let upperE = UInt8(ascii: "E")
    static let zero = UInt8(ascii: "0")
    @usableFromInline static let newline = UInt8(ascii: "\n")

    var isDigit: Bool { self &- .zero < 10 }
}
