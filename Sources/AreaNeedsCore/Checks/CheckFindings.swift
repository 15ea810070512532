/// What one check found in one input: how many problems, and the first few of them, each
/// located ("L12 (line 5: 1200 > 1000)").
///
/// Only `shownExamples` are kept, so a hostile file with millions of bad rows costs a
/// count, not memory.
public struct CheckFindings: Sendable {
    /// How many examples a message shows.
    public static let shownExamples = 10

    public let check: DataCheck
    /// How many problems were found.
    public private(set) var count = 0
    /// The first problems found, described for people.
    public private(set) var examples: [String] = []

    public init(_ check: DataCheck) {
        self.check = check
    }

    /// Counts a problem, keeping its description while fewer than `shownExamples` are kept.
    public mutating func add(_ example: @autoclosure () -> String) {
        count += 1
        if examples.count < CheckFindings.shownExamples { examples.append(example()) }
    }

    /// The examples as a list for a message: "A (line 3), B (line 4), and 12 more".
    public var listed: String {
        let more = count > examples.count ? ", and \(count - examples.count) more" : ""
        return examples.joined(separator: ", ") + more
    }
}
