/// What text may hold to be published: in a release's cells, on a terminal, in a web page.
///
/// Two kinds of character make text live rather than shown:
/// - control characters (C0 and C1, DEL) and the Unicode bidirectional overrides and
///   isolates (U+202A-U+202E, U+2066-U+2069): a terminal runs escape sequences (ESC, BEL),
///   and an override shows text in another order than it is stored;
/// - a cell beginning with `=`, `+`, `-` or `@`, or with a tab or carriage return, which
///   a spreadsheet opening a CSV may run as a formula (CSV injection).
///
/// Inputs that become published text (names, codes, titles, notes) are refused when they
/// hold either, so a release never carries them; what is printed or rendered from a
/// release goes through `visible`, for releases made or changed by other means.
package enum SafeText {
    /// The characters that make a spreadsheet cell a formula.
    package static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `scalar` is a control character or a bidirectional override or isolate.
    @inlinable
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first control character of `text`, leaving out those in `allowed`.
    package static func firstControl(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> Unicode.Scalar? {
        text.unicodeScalars.first { isControl($0) && !allowed.contains($0) }
    }

    /// Why `text` cannot be published as one cell of a table, or nil when it can: it
    /// holds a control character (line feeds only where `multiline`), or begins with a
    /// character that starts a spreadsheet formula.
    package static func problem(in text: String, multiline: Bool = false) -> String? {
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) {
            return "it begins with \(name(of: first)), which makes a spreadsheet read the cell as a formula"
        }
        if let control = firstControl(in: text, allowing: multiline ? ["\n"] : []) {
            return "it holds a control character (\(name(of: control))), which a terminal or a spreadsheet would act on"
        }
        return nil
    }

    /// `problem(in:)` for the UTF-8 bytes of a field, as read from a table: for codes
    /// read by the million, checked without making a `String` of each.
    package static func problem(inUTF8 bytes: UnsafeRawBufferPointer) -> String? {
        guard let first = bytes.first else { return nil }
        // The formula starts are ASCII; the controls are below 0x20, 0x7F, or begin with
        // 0xC2 (C1) or 0xE2 (the overrides): only fields with such bytes need a closer look.
        var suspect = first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40
        if !suspect {
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
                suspect = true
                break
            }
        }
        return suspect ? problem(in: String(decoding: bytes, as: UTF8.self)) : nil
    }

    /// `text` with every control character, override and isolate shown as `\uXXXX` (the
    /// form JSON reads back as the same character), but those in `kept`: safe to print on
    /// a terminal or to put in a page.
    package static func visible(_ text: String, keeping kept: Set<Unicode.Scalar> = ["\n"]) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !kept.contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !kept.contains(scalar) {
                result.append(contentsOf: escaped(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A short, one-line excerpt of `text` for a message: at most `limit` characters,
    /// every control character shown as `\uXXXX`, and "…" when cut.
    package static func excerpt(_ text: some StringProtocol, limit: Int = 60) -> String {
        var start = String.UnicodeScalarView()
        start.append(contentsOf: text.unicodeScalars.prefix(limit + 1))
        let head = String(start)
        let visible = visible(String(head.prefix(limit)), keeping: [])
        return head.count > limit ? visible + "…" : visible
    }

    /// "U+001B" and, for the usual ones, its name: for messages.
    package static func name(of scalar: Unicode.Scalar) -> String {
        let code = "U+" + hex(scalar.value)
        switch scalar {
        case "\t": return "a tab, \(code)"
        case "\r": return "a carriage return, \(code)"
        case "\n": return "a line break, \(code)"
        case "\u{1B}": return "escape, \(code)"
        case "\u{07}": return "bell, \(code)"
        case "=", "+", "-", "@": return "\"\(scalar)\""
        default: return code
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u" + hex(scalar.value)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension TableRecord {
    /// Why the field in `column` cannot be published as a cell (`SafeText.problem`), or nil;
    /// checked on its bytes as read, for codes read by the million.
    package func publishingProblem(_ column: TableColumn) -> String? {
        withBytes(column, SafeText.problem(inUTF8:))
    }
}
