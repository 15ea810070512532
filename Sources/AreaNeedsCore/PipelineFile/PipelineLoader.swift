import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsTables
import Foundation
import Yams

extension Pipeline {
    /// Reads and checks a pipeline file. Every problem is a configuration error naming the
    /// file, the line and the key.
    ///
    /// - Parameter outputRoot: overrides where releases go (the file's `output`).
    public static func load(path: String, outputRoot: String? = nil) throws(AreaNeedsError) -> Pipeline {
        guard let node = try ConfigurationFile(path: path, kind: "pipeline file").root else {
            throw AreaNeedsError(.configuration, "\(path): the pipeline file is empty")
        }
        let locator = YAMLLocator(root: node, file: path)
        let file: PipelineFile
        do {
            file = try YAMLDecoder().decode(PipelineFile.self, from: node)
        } catch let error as DecodingError {
            throw AreaNeedsError(.configuration, locator.describe(error))
        } catch {
            throw AreaNeedsError(.configuration, "\(path): \(error)")
        }
        let pipeline = Pipeline(file: file, path: path, outputRoot: outputRoot, keyLines: locator.keyLines())
        let problems = PipelineValidation(pipeline: pipeline).problems()
        if let first = problems.first {
            let message = problems.count == 1 ? locator.describe(first)
                : problems.map(locator.describe).joined(separator: "\n")
            throw AreaNeedsError(.configuration, message)
        }
        return pipeline
    }
}

/// A problem found in a decoded pipeline file, at a key path.
struct PipelineProblem {
    var path: [any CodingKey]
    var message: String
}

/// Finds the line of a key path in the YAML, for messages.
struct YAMLLocator {
    let root: Node
    let file: String

    /// "file, line 12 (indicators[3].aggregation): message"
    func describe(_ problem: PipelineProblem) -> String {
        let keyPath = SafeText.excerpt(YAMLLocator.keyPath(problem.path), limit: 80)
        let line = self.line(of: problem.path).map { ", line \($0)" } ?? ""
        return "\(file)\(line) (\(keyPath)): \(problem.message)"
    }

    func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return describe(PipelineProblem(path: context.codingPath + [key], message: "required key \"\(key.stringValue)\" is missing"))
                .replacingOccurrences(of: ", line", with: ", near line")
        case .typeMismatch(let type, let context):
            return describe(PipelineProblem(path: context.codingPath, message: "expected \(YAMLLocator.name(of: type))"))
        case .valueNotFound(let type, let context):
            return describe(PipelineProblem(path: context.codingPath, message: "expected \(YAMLLocator.name(of: type)), found nothing"))
        case .dataCorrupted(let context):
            return describe(PipelineProblem(path: context.codingPath, message: YAMLLocator.readable(context.debugDescription)))
        @unknown default:
            return "\(file): \(error)"
        }
    }

    /// The line of every key, by key path ("indicators[3].source.numerator").
    func keyLines() -> [String: Int] {
        var lines: [String: Int] = [:]
        func visit(_ node: Node, _ path: String) {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    let name = key.string ?? "?"
                    let childPath = path.isEmpty ? name : path + "." + name
                    if let line = key.mark?.line { lines[childPath] = line }
                    visit(value, childPath)
                }
            } else if let sequence = node.sequence {
                for (index, item) in sequence.enumerated() {
                    let childPath = path + "[\(index)]"
                    if let line = item.mark?.line { lines[childPath] = line }
                    visit(item, childPath)
                }
            }
        }
        visit(root, "")
        return lines
    }

    /// The line of the node at `path`, or of its nearest parent that exists.
    func line(of path: [any CodingKey]) -> Int? {
        var node = root
        var line = root.mark?.line
        for key in path {
            guard let next = child(of: node, key) else { break }
            node = next.value
            line = next.keyLine ?? next.value.mark?.line ?? line
        }
        return line
    }

    private func child(of node: Node, _ key: any CodingKey) -> (value: Node, keyLine: Int?)? {
        if let mapping = node.mapping {
            for (name, value) in mapping where name.string == key.stringValue {
                return (value, name.mark?.line)
            }
            return nil
        }
        if let sequence = node.sequence, let index = key.intValue, index < sequence.count {
            return (sequence[index], nil)
        }
        return nil
    }

    static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue == String(index) || key.stringValue.hasPrefix("Index ") {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text.isEmpty ? "top level" : text
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default:
            String(describing: type).contains("Array") ? "a list" : "a mapping of keys"
        }
    }

    /// Yams and Foundation phrase some problems for programmers; say them for people:
    /// "mean is not a valid aggregation method; use one of: rate, weighted-mean, ...".
    static func readable(_ message: String) -> String {
        if let range = message.range(of: "Cannot initialize "), message.contains("from invalid String value") {
            let type = String(message[range.upperBound...].prefix { $0 != " " })
            let value = SafeText.excerpt(message.components(separatedBy: "from invalid String value ").last ?? "", limit: 60)
            // "AggregationMethod" -> "aggregation method"
            let words = type.reduce(into: "") { words, letter in
                if letter.isUppercase, !words.isEmpty { words += " " }
                words += letter.lowercased()
            }
            guard let choices = choices[type] else { return "\(value) is not a valid \(words)" }
            return "\(value) is not a valid \(words); use one of: \(choices.joined(separator: ", "))"
        }
        return SafeText.excerpt(message, limit: 200)
    }

    /// The values of each enumeration the pipeline file spells out, by type name.
    private static let choices: [String: [String]] = [
        "AggregationMethod": ReleaseText.texts(of: AggregationMethod.self),
        "Polarity": ReleaseText.texts(of: Polarity.self),
        "GeographyLevel": ReleaseText.texts(of: GeographyLevel.self),
        "CheckSeverity": CheckSeverity.allCases.map(\.rawValue),
        "ReleaseEdition": ReleaseEdition.allCases.map(\.rawValue),
    ]
}
