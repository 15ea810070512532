import AreaNeedsTables
import Yams

/// Checks a parsed configuration file for what it may not hold, wherever it is: anchors
/// and aliases, explicit tags (which make a value something else than it looks, such as
/// `!!str &n title`, a key in disguise), merge keys (`<<`), keys that are not plain text,
/// and control characters in any key or value (line feeds aside, for multi-line notes).
///
/// `YAMLFeatureScan` finds most of these in the text before parsing; this is the check
/// that nothing passes, run on the tree while its parser (which keeps the anchors) lives.
struct YAMLNodeCheck {
    let file: String
    let kind: String

    func check(_ node: Node) throws(AreaNeedsError) {
        try check(node, path: "")
    }

    private func check(_ node: Node, path: String, isKey: Bool = false) throws(AreaNeedsError) {
        switch node {
        case .scalar(let scalar):
            if scalar.anchor != nil { throw anchor(scalar.mark, path) }
            if YAMLNodeCheck.hasExplicitTag(scalar, isKey: isKey) { throw explicitTag(scalar.mark, path) }
            if let control = SafeText.firstControl(in: scalar.string, allowing: ["\n"]) {
                throw problem(scalar.mark, path, "the text \"\(SafeText.excerpt(scalar.string, limit: 40))\" holds a control character "
                    + "(\(SafeText.name(of: control))), which is not allowed in a \(kind); remove it")
            }
        case .mapping(let mapping):
            if mapping.anchor != nil { throw anchor(mapping.mark, path) }
            if !mapping.tag.rawValue.isEmpty { throw explicitTag(mapping.mark, path) }
            for (key, value) in mapping {
                guard case .scalar(let name) = key else {
                    throw problem(key.mark, path, "a key must be plain text, not a list or a mapping")
                }
                try check(key, path: path, isKey: true)
                if name.string == "<<" {
                    throw problem(key.mark, path, "merge keys (<<) are not allowed in a \(kind); write each setting out so it can be read on its own")
                }
                try check(value, path: path.isEmpty ? name.string : path + "." + name.string)
            }
        case .sequence(let sequence):
            if sequence.anchor != nil { throw anchor(sequence.mark, path) }
            if !sequence.tag.rawValue.isEmpty { throw explicitTag(sequence.mark, path) }
            for (index, item) in sequence.enumerated() {
                try check(item, path: path + "[\(index)]")
            }
        case .alias(let alias):
            throw anchor(alias.mark, path)
        }
    }

    /// Whether a scalar's tag was written in the file. The parser tags quoted text as a
    /// string itself, and has resolved the tags of keys already (to find repeated keys),
    /// so a written core tag on a key (`!!str key:`) is told apart only by the text scan.
    private static func hasExplicitTag(_ scalar: Node.Scalar, isKey: Bool) -> Bool {
        let tag = scalar.tag.rawValue
        if tag.isEmpty { return false }
        if isKey { return !tag.hasPrefix("tag:yaml.org,2002:") }
        return !(tag == Tag.Name.str.rawValue && scalar.style != .plain)
    }

    private func anchor(_ mark: Mark?, _ path: String) -> AreaNeedsError {
        problem(mark, path, "anchors and aliases (&name, *name) are not allowed in a \(kind); write each setting out so it can be read on its own")
    }

    private func explicitTag(_ mark: Mark?, _ path: String) -> AreaNeedsError {
        problem(mark, path, "tags (!!str, !name) are not allowed in a \(kind); write the value plainly, in quotes if it must be read as text")
    }

    /// "file, line 12 (indicators[0].title): message", the key path shortened and made safe.
    private func problem(_ mark: Mark?, _ path: String, _ message: String) -> AreaNeedsError {
        let line = mark.map { ", line \($0.line)" } ?? ""
        let key = path.isEmpty ? "" : " (\(SafeText.excerpt(path, limit: 80)))"
        return AreaNeedsError(.configuration, "\(file)\(line)\(key): \(message)")
    }
}
