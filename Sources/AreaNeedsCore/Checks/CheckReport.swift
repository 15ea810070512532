/// The problems the checks found in one unit of work, turned into warnings or one error
/// as the pipeline's `checks:` say.
///
/// Every problem is collected before any is raised, so one run reports them all.
package struct CheckReport: Sendable {
    private let checks: ChecksSpec
    private var errors: [(check: DataCheck, message: String)] = []
    /// The problems whose check is a warning, one line each.
    package private(set) var warnings: [String] = []

    package init(checks: ChecksSpec) {
        self.checks = checks
    }

    /// Records a problem found by `check`, as an error or a warning.
    package mutating func add(_ check: DataCheck, _ message: String) {
        switch checks.severity(check) {
        case .error: errors.append((check, message))
        case .warning: warnings.append(message + " (a warning: \(check.whenWarning))")
        }
    }

    /// Records what `findings` holds, if anything, with `summary` saying what it is.
    package mutating func add(_ findings: CheckFindings, _ summary: (Int) -> String) {
        guard findings.count > 0 else { return }
        add(findings.check, summary(findings.count) + ": " + findings.listed)
    }

    /// The warnings; throws an input-data error naming every problem when any check that
    /// found one is an error.
    package func finish() throws(AreaNeedsError) -> [String] {
        guard !errors.isEmpty else { return warnings }
        let message = errors.map { error in
            "\(error.message)\n  (if the data is right, `checks: {\(error.check.rawValue): warning}` in the pipeline file makes this a warning: \(error.check.whenWarning))"
        }.joined(separator: "\n")
        throw AreaNeedsError(.inputData, message)
    }
}
