import AreaNeedsTables

/// The numbers of a pipeline file in the ranges where they mean something: a number a
/// method divides by, multiplies with or counts up to is finite, positive and bounded, so
/// that no setting can trap the run or publish nonsense (a `scale` of 0 ranks every area
/// first; a negative one turns the ranking round).
extension PipelineValidation {
    /// The largest `scale`: a rate per billion.
    static let maximumScale = 1e9
    /// The largest `national-count`: far more small areas than any national geography has.
    static let maximumNationalCount = 100_000_000
    /// The largest `procurement-threshold`, in pounds.
    static let maximumThreshold = 1e12

    func numberProblems() -> [PipelineProblem] {
        var problems: [PipelineProblem] = []
        let file = pipeline.file
        func report(_ path: [Key], _ message: String) { problems.append(PipelineProblem(path: path, message: message)) }

        let threshold = file.policy.procurementThreshold
        if !(threshold.isFinite && (0...Self.maximumThreshold).contains(threshold)) {
            report([Key("policy"), Key("procurement-threshold")],
                   "a sum in pounds from 0 to \(NumberText.format(Self.maximumThreshold)), not \(Self.text(threshold))")
        }
        for (name, population) in file.populations.sorted(by: { $0.key < $1.key }) {
            if let line = population.headerLine, let problem = Self.headerLineProblem(line) {
                report([Key("populations"), Key(name), Key("header-line")], problem)
            }
        }
        for (index, indicator) in file.indicators.enumerated() {
            let at = [Key("indicators"), Key(index: index)]
            if let scale = indicator.scale, !(scale.isFinite && scale > 0 && scale <= Self.maximumScale) {
                report(at + [Key("scale")], "a multiplier above 0 and at most \(NumberText.format(Self.maximumScale)) "
                    + "(100 for a percentage, 1000 for a rate per thousand), not \(Self.text(scale))")
            }
            if let count = indicator.nationalCount, !(1...Self.maximumNationalCount).contains(count) {
                report(at + [Key("national-count")], "the number of small areas the national ranks run over, "
                    + "from 1 to \(NumberText.format(Double(Self.maximumNationalCount))) (32844 for the LSOAs of the IoD 2019), not \(count)")
            }
            if let range = indicator.plausibleRange {
                for (key, bound) in [("min", range.min), ("max", range.max)] {
                    if let bound, !bound.isFinite {
                        report(at + [Key("plausible-range"), Key(key)], "a finite number, not \(Self.text(bound)); leave \(key) out for no bound")
                    }
                }
                if let low = range.min, let high = range.max, low.isFinite, high.isFinite, low > high {
                    report(at + [Key("plausible-range")], "min (\(NumberText.format(low))) is above max (\(NumberText.format(high)))")
                }
            }
            if let line = indicator.source?.headerLine, let problem = Self.headerLineProblem(line) {
                report(at + [Key("source"), Key("header-line")], problem)
            }
        }
        return problems
    }

    /// A header line is looked for in the first lines of a file only.
    private static func headerLineProblem(_ line: Int) -> String? {
        let lines = ReadLimits().headerSearchLines
        return (1...lines).contains(line) ? nil : "a line number from 1 to \(lines) (the header is looked for in the first \(lines) lines), not \(line)"
    }

    /// A number as the file's author wrote it, infinities and NaN included (which
    /// `NumberText`, for tables, refuses).
    static func text(_ value: Double) -> String {
        value.isFinite ? NumberText.format(value) : value.isNaN ? ".nan" : value > 0 ? ".inf (or too large to be a number)" : "-.inf (or too large to be a number)"
    }
}
