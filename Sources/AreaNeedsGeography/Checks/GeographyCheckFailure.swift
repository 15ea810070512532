/// Every problem a geography check found, thrown by `Geography.validate(districts:reference:)`.
public struct GeographyCheckFailure: Error, CustomStringConvertible, Sendable {
    public var problems: [GeographyProblem]

    public init(problems: [GeographyProblem]) {
        self.problems = problems
    }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (["the geography has \(count):"] + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}
