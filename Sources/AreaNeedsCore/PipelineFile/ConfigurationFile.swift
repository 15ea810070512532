import AreaNeedsTables
import Foundation
import Yams

/// A YAML configuration file (a pipeline file, the framework file, `areaneeds.yml`), read
/// strictly and in bounded time and memory, ready to decode.
///
/// A file above `maximumBytes` is refused before it is read; anchors, aliases, tags,
/// complex keys and deep nesting are refused from the text before it is parsed
/// (`YAMLFeatureScan`), and the parsed tree is checked again, with merge keys and control
/// characters (`YAMLNodeCheck`). Every error is a configuration error naming the file and
/// the line, and quotes at most a short excerpt of it.
struct ConfigurationFile {
    /// The largest configuration file read: 1 MiB, a hundred times the largest pipeline
    /// file written so far.
    static let maximumBytes = 1 << 20

    /// The file's path, as given.
    let path: String
    /// What the file is, for messages: "pipeline file".
    let kind: String
    /// The parsed document; nil when the file holds none (empty, or only comments).
    let root: Node?

    /// Reads and checks `path`. A missing or unreadable file is `missingInput`; anything
    /// wrong in it is `configuration`.
    init(path: String, kind: String) throws(AreaNeedsError) {
        self.path = path
        self.kind = kind
        let text = try ConfigurationFile.readText(path, kind: kind)
        if let finding = YAMLFeatureScan.first(in: text) {
            throw AreaNeedsError(.configuration, "\(path), line \(finding.line): \(ConfigurationFile.explain(finding.feature, in: kind))")
        }
        do {
            // The parser keeps the anchors alive; the tree holds them weakly, so the tree
            // is checked while the parser lives.
            let parser = try Parser(yaml: text, encoding: .utf8)
            let root = try parser.singleRoot()
            if let root { try YAMLNodeCheck(file: path, kind: kind).check(root) }
            withExtendedLifetime(parser) {}
            self.root = root
        } catch let error as AreaNeedsError {
            throw error
        } catch let error as YamlError {
            throw AreaNeedsError(.configuration, YAMLProblem.describe(error, file: path, text: text))
        } catch {
            throw AreaNeedsError(.configuration, "\(path): \(SafeText.excerpt(String(describing: error)))")
        }
    }

    /// The file's text: at most `maximumBytes`, UTF-8.
    private static func readText(_ path: String, kind: String) throws(AreaNeedsError) -> String {
        let manager = FileManager.default
        if let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue > maximumBytes {
            throw tooLarge(path, kind: kind)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AreaNeedsError(.missingInput, manager.fileExists(atPath: path) ? "\(path): cannot read the \(kind)" : "\(path): no such \(kind)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // One byte more than allowed tells a file (or a pipe) that is too large.
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw AreaNeedsError(.missingInput, "\(path): cannot read the \(kind) (\(error.localizedDescription))")
        }
        if data.count > maximumBytes { throw tooLarge(path, kind: kind) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AreaNeedsError(.configuration, "\(path): the \(kind) is not UTF-8 text")
        }
        return text
    }

    private static func tooLarge(_ path: String, kind: String) -> AreaNeedsError {
        AreaNeedsError(.configuration, "\(path): larger than \(ByteSize(maximumBytes)), the most a \(kind) may be; is it the right file?")
    }

    private static func explain(_ feature: YAMLFeatureScan.Feature, in kind: String) -> String {
        switch feature {
        case .anchorOrAlias:
            "anchors and aliases (&name, *name) are not allowed in a \(kind); write each setting out so it can be read on its own"
        case .tag:
            "tags (!!str, !name) are not allowed in a \(kind); write the value plainly, in quotes if it must be read as text"
        case .complexKey:
            "complex keys (\"? key\") are not allowed in a \(kind); write \"key: value\""
        case .deepNesting:
            "nested more than \(YAMLFeatureScan.maximumDepth) levels deep on one line; a \(kind) needs a few"
        }
    }
}

/// YAML syntax errors, said with their place and without quoting the file: Yams' own
/// descriptions quote the line, or for a repeated key the whole file.
enum YAMLProblem {
    static func describe(_ error: YamlError, file: String, text: String) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "\(file), line \(mark.line), column \(mark.column): \(problem)\(hint(line: mark.line, in: text))"
        case .reader(let problem, let offset, _, _):
            // The offset counts characters.
            let line = offset.map { text.prefix($0).reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
            return "\(file)\(line.map { ", line \($0)" } ?? ""): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.prefix(3).map { "\"\(SafeText.excerpt($0, limit: 40))\"" }.joined(separator: ", ")
            let more = duplicates.count > 3 ? " and \(duplicates.count - 3) more" : ""
            return "\(file), line \(context.mark.line): \(duplicates.count == 1 ? "the key" : "the keys") \(keys)\(more) "
                + "\(duplicates.count == 1 ? "is" : "are") given more than once in one mapping (first on this line); keep one"
        default:
            return "\(file): \(SafeText.excerpt(error.description))"
        }
    }

    /// What to do about a tab, YAML's commonest surprise.
    private static func hint(line number: Int, in text: String) -> String {
        guard number >= 1 else { return "" }
        let line = text.split(separator: "\n", maxSplits: number, omittingEmptySubsequences: false).dropFirst(number - 1).first
        return line?.contains("\t") == true ? " (a tab: YAML is indented with spaces only)" : ""
    }
}
