/// Finds in a YAML file's text what configuration files refuse, before it is parsed:
/// anchors (`&name`), aliases (`*name`), tags (`!!str`, `!name`), complex keys (`? key`)
/// and nesting deeper than `maximumDepth` within one line (`[[[`, `- - -`).
///
/// A few kilobytes of nested aliases expand to gigabytes as they are parsed, and the
/// parser recurses once per level of nesting: both are refused here, from the text, in
/// one pass and little memory. The parsed tree is checked again (`YAMLNodeCheck`), so
/// whatever this scan misses is still refused, only later.
///
/// Indicators count where a value can start (after `key: `, `- `, `[`, `{`, `,` or `? `),
/// outside quotes (which may span lines), comments and block scalars.
enum YAMLFeatureScan {
    enum Feature: Equatable {
        case anchorOrAlias, tag, complexKey, deepNesting
    }

    struct Finding: Equatable {
        var line: Int
        var feature: Feature
    }

    /// The most levels of nesting one line may open: far more than any pipeline file
    /// needs, far less than would exhaust the parser's stack.
    static let maximumDepth = 32

    /// The first feature found, with its 1-based line; nil when there is none.
    static func first(in text: String) -> Finding? {
        var scanner = Scanner()
        for (offset, line) in text.utf8.split(separator: .lineFeed, omittingEmptySubsequences: false).enumerated() {
            if let feature = scanner.scan(Array(line)) { return Finding(line: offset + 1, feature: feature) }
        }
        return nil
    }

    /// The state carried from line to line.
    private struct Scanner {
        /// The indentation of the line that opened a block scalar, while in one.
        var blockIndent: Int?
        /// The quote of a quoted scalar that continues on the next line.
        var openQuote: UInt8?
        /// Open `[` and `{`, which may span lines.
        var flowDepth = 0

        mutating func scan(_ line: [UInt8]) -> Feature? {
            let indent = line.prefix { $0 == .space }.count
            if let opened = blockIndent {
                if line.allSatisfy({ $0 == .space || $0 == .carriageReturn }) || indent > opened { return nil }
                blockIndent = nil
            }
            var index = 0
            if let quote = openQuote {
                guard let end = YAMLFeatureScan.closingQuote(quote, in: line, from: 0) else { return nil }
                openQuote = nil
                index = end
            }
            var atValueStart = index == 0
            var sequenceDepth = 0
            // A document marker may carry a tag or an anchor after it: "--- !x".
            if index == 0, line.count >= 3, line[0] == .minus, line[1] == .minus, line[2] == .minus,
               line.count == 3 || line[3] == .space {
                index = 3
            }
            while index < line.count {
                let byte = line[index]
                let next: UInt8? = index + 1 < line.count ? line[index + 1] : nil
                let endsToken = next == nil || next == .space || next == .tab || next == .carriageReturn
                switch byte {
                case .space, .tab, .carriageReturn:
                    index += 1
                    continue
                case .hash where index == 0 || line[index - 1] == .space || line[index - 1] == .tab:
                    return nil
                case .percent where index == 0:
                    return nil  // a directive (%YAML, %TAG)
                case .doubleQuote where atValueStart, .singleQuote where atValueStart:
                    guard let end = YAMLFeatureScan.closingQuote(byte, in: line, from: index + 1) else {
                        openQuote = byte
                        return nil
                    }
                    index = end
                    atValueStart = false
                    continue
                case .ampersand where atValueStart, .asterisk where atValueStart:
                    if let next, !" \t\r,[]{}".utf8.contains(next) { return .anchorOrAlias }
                case .exclamation where atValueStart:
                    return .tag
                case .question where atValueStart:
                    if endsToken { return .complexKey }
                case .minus where atValueStart:
                    if endsToken {
                        if flowDepth == 0 { sequenceDepth += 1 }
                        if sequenceDepth > maximumDepth { return .deepNesting }
                        index += 1
                        continue
                    }
                case .openBracket where atValueStart, .openBrace where atValueStart:
                    flowDepth += 1
                    if flowDepth > maximumDepth { return .deepNesting }
                    index += 1
                    continue
                case .closeBracket where flowDepth > 0, .closeBrace where flowDepth > 0:
                    flowDepth -= 1
                    index += 1
                    atValueStart = false
                    continue
                case .comma where flowDepth > 0:
                    index += 1
                    atValueStart = true
                    continue
                case .colon where endsToken || (flowDepth > 0 && ",[]{}".utf8.contains(next!)):
                    index += 1
                    atValueStart = true
                    continue
                case .bar where atValueStart, .greaterThan where atValueStart:
                    // A block scalar's header: indicators, then nothing but a comment.
                    let rest = line[(index + 1)...].drop { "+-0123456789".utf8.contains($0) }
                    let afterSpaces = rest.drop { $0 == .space || $0 == .tab || $0 == .carriageReturn }
                    if afterSpaces.isEmpty || (afterSpaces.first == .hash && afterSpaces.count < rest.count) {
                        blockIndent = indent
                        return nil
                    }
                default:
                    break
                }
                // A plain scalar, up to what can end it: ": ", " #", and in flow ",[]{}".
                atValueStart = false
                index += 1
                while index < line.count {
                    let byte = line[index]
                    if byte == .colon || (byte == .hash && (line[index - 1] == .space || line[index - 1] == .tab)) { break }
                    if flowDepth > 0 && ",[]{}".utf8.contains(byte) { break }
                    index += 1
                }
                if index < line.count, line[index] == .colon {
                    let after: UInt8? = index + 1 < line.count ? line[index + 1] : nil
                    let endsKey = after == nil || after == .space || after == .tab || after == .carriageReturn
                        || (flowDepth > 0 && ",[]{}".utf8.contains(after!))
                    if !endsKey { index += 1 }  // "http://x": part of the scalar; go on from there
                }
            }
            return nil
        }
    }

    /// The position after the quote closing a quoted scalar that began before `start`, or
    /// nil when the line ends inside it.
    private static func closingQuote(_ quote: UInt8, in line: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < line.count {
            if line[index] == quote {
                if quote == .singleQuote, index + 1 < line.count, line[index + 1] == .singleQuote {
                    index += 2
                    continue
                }
                return index + 1
            }
            if quote == .doubleQuote, line[index] == .backslash { index += 1 }
            index += 1
        }
        return nil
    }
}

private extension UInt8 {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#")
    static let percent = UInt8(ascii: "%")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let ampersand = UInt8(ascii: "&")
    static let asterisk = UInt8(ascii: "*")
    static let exclamation = UInt8(ascii: "!")
    static let question = UInt8(ascii: "?")
    static let minus = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let bar = UInt8(ascii: "|")
    static let greaterThan = UInt8(ascii: ">")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
}
