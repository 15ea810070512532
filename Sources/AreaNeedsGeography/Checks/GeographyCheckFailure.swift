/// Every problem a geography check found, thrown by `Geography.validate(districts:reference:)`.
package struct GeographyCheckFailure: Error, CustomStringConvertible, Sendable {
    package var problems: [GeographyProblem]

    package init(problems: [GeographyProblem]) {
        self.problems = problems
    }

    package var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (["the geography has \(count):"] + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}
