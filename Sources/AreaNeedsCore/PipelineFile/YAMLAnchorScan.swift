/// Finds YAML anchors (`&name`) and aliases (`*name`) in a pipeline file's text.
///
/// They make a file hard to review (a setting's value is somewhere else), so pipeline
/// files refuse them. Yams resolves them while composing and keeps no trace, so the text
/// is scanned: an `&` or `*` that starts a value (after `key: `, `- `, `[`, `{` or `,`),
/// outside quotes, comments and block scalars, followed by a name.
enum YAMLAnchorScan {
    /// The 1-based line of the first anchor or alias, or nil.
    static func firstAnchorOrAlias(in text: String) -> Int? {
        var blockIndent: Int?  // indentation of the line that opened a block scalar
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            let indent = characters.prefix { $0 == " " }.count
            if let opened = blockIndent {
                if characters.allSatisfy({ $0 == " " || $0 == "\r" }) || indent > opened { continue }
                blockIndent = nil
            }
            switch scan(characters) {
            case .anchor: return offset + 1
            case .opensBlockScalar: blockIndent = indent
            case .plain: break
            }
        }
        return nil
    }

    private enum LineKind { case plain, anchor, opensBlockScalar }

    private static func scan(_ line: [Character]) -> LineKind {
        var index = 0
        var atValueStart = true  // the start of the line may hold "- &x" or "&x"
        var flowDepth = 0        // inside [ ] or { }, where commas separate values
        while index < line.count {
            let character = line[index]
            switch character {
            case " ", "\t", "\r":
                index += 1
                continue
            case "#":
                return .plain
            case "\"", "'":
                index = skipQuoted(line, from: index)
                atValueStart = false
                continue
            case "&" where atValueStart, "*" where atValueStart:
                if index + 1 < line.count, !" \t\r,]}".contains(line[index + 1]) { return .anchor }
            case "-" where atValueStart:
                if index + 1 == line.count || line[index + 1] == " " {
                    index += 1
                    continue
                }
            case "[", "{":
                flowDepth += 1
                index += 1
                atValueStart = true
                continue
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
                index += 1
                continue
            case "," where flowDepth > 0:
                index += 1
                atValueStart = true
                continue
            case ":":
                if index + 1 == line.count || line[index + 1] == " " {
                    index += 1
                    atValueStart = true
                    continue
                }
            case "|" where atValueStart, ">" where atValueStart:
                let rest = line[(index + 1)...].filter { $0 != "\r" }
                if rest.allSatisfy({ "+-0123456789".contains($0) }) || rest.drop(while: { "+-0123456789".contains($0) }).first == " " {
                    return .opensBlockScalar
                }
            default:
                break
            }
            // Inside a plain scalar: skip to the next separator that could start a value.
            atValueStart = false
            index += 1
            while index < line.count, !": ,[]{}#\"'".contains(line[index]) { index += 1 }
        }
        return .plain
    }

    private static func skipQuoted(_ line: [Character], from start: Int) -> Int {
        let quote = line[start]
        var index = start + 1
        while index < line.count {
            if line[index] == quote {
                if quote == "'", index + 1 < line.count, line[index + 1] == "'" {
                    index += 2
                    continue
                }
                return index + 1
            }
            if quote == "\"", line[index] == "\\" { index += 1 }
            index += 1
        }
        return index
    }
}
