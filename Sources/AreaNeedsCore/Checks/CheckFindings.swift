/// What one check found in one input: how many problems, and the first few of them, each
/// located ("L12 (line 5: 1200 > 1000)").
///
/// Only `shownExamples` are kept, so a hostile file with millions of bad rows costs a
/// count, not memory.
package struct CheckFindings: Sendable {
    /// How many examples a message shows.
    package static let shownExamples = 10

    package let check: DataCheck
    /// How many problems were found.
    package private(set) var count = 0
    /// The first problems found, described for people.
    package private(set) var examples: [String] = []

    package init(_ check: DataCheck) {
        self.check = check
    }

    /// Counts a problem, keeping its description while fewer than `shownExamples` are kept.
    package mutating func add(_ example: @autoclosure () -> String) {
        count += 1
        if examples.count < CheckFindings.shownExamples { examples.append(example()) }
    }

    /// The examples as a list for a message: "A (line 3), B (line 4), and 12 more".
    package var listed: String {
        let more = count > examples.count ? ", and \(count - examples.count) more" : ""
        return examples.joined(separator: ", ") + more
    }
}
