import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsTables

/// The rules of the keys that read tables as published, long and wide: `where:`,
/// `where-not:`, `area-level:`, `period:`, sums of rows, `{columns: latest}`, `ci-lower:` and
/// `ci-upper:`, county sources, and the vintage a chosen period stands in for.
extension PipelineValidation {
    func longTableProblems(_ indicator: IndicatorSpec, at: [Key]) -> [PipelineProblem] {
        var problems: [PipelineProblem] = []
        if indicator.vintage == nil && indicator.source?.choosesPeriod != true {
            problems.append(PipelineProblem(path: at + [Key("vintage")],
                message: "required key \"vintage\" is missing: which edition of the data (\"Census 2021\"); only a source that chooses its period (`period:` or `value: {columns: latest}`) may leave it out"))
        }
        guard let source = indicator.source else { return problems }
        let sourceAt = at + [Key("source")]
        func report(_ keys: [Key], _ message: String) { problems.append(PipelineProblem(path: sourceAt + keys, message: message)) }

        if let rows = source.rows { problems += conditionProblems(rows, at: sourceAt + [Key("where")]) }
        if let rows = source.exceptRows { problems += conditionProblems(rows, at: sourceAt + [Key("where-not")]) }
        if let kept = source.rows, let left = source.exceptRows {
            for condition in kept.conditions {
                let both = left.conditions.filter { $0.column == condition.column }.flatMap(\.values).filter(condition.values.contains)
                if let value = both.first {
                    report([Key("where-not"), Key(condition.column)], "\"\(value)\" is both kept (`where:`) and left out (`where-not:`)")
                }
            }
        }
        if let level = source.areaLevel {
            if level.column.isEmpty { report([Key("area-level"), Key("column")], "the column of the level of area cannot be empty") }
            if level.values.isEmpty { report([Key("area-level"), Key("value")], "needs the level's text, such as `Local authority`") }
        }
        if let period = source.period {
            if period.column.isEmpty { report([Key("period"), Key("column")], "the column of periods cannot be empty") }
            for (index, text) in period.select.enumerated() where Period(text) == nil {
                let key = period.select.count > 1 ? [Key("period"), Key("select"), Key(index: index)] : [Key("period"), Key("select")]
                report(key, "\"\(text)\" is not a period; write `latest`, or periods such as 2023-04-01/P1Y, 2024, 2024/25, FYE 2025 or Jan-22")
            }
            if let periods = period.selectedPeriods, Set(periods).count < periods.count {
                report([Key("period"), Key("select")], "a period is named twice")
            }
            if source.value?.isLatestPeriodColumn == true {
                report([Key("value")], "`{columns: latest}` chooses the period by column, `period:` by row: give one of them")
            }
        }
        for (key, field) in [("numerator", source.numerator), ("denominator", source.denominator)] where field?.isLatestPeriodColumn == true {
            report([Key(key)], "`{columns: latest}` is for `value:` only")
        }
        problems += sumProblems(source, at: sourceAt)
        problems += intervalProblems(indicator, source, at: sourceAt)
        if source.geography == .county && pipeline.file.geography.county == nil {
            report([Key("geography")], "a county source needs the county's code at the top of the pipeline: `geography: {county: E10000017, ...}`")
        }
        return problems
    }

    /// A source that sums rows sums every figure it reads (its rows have one figure each),
    /// and publishes no intervals of its own (those of summed rows do not add up).
    private func sumProblems(_ source: SourceSpec, at sourceAt: [Key]) -> [PipelineProblem] {
        var problems: [PipelineProblem] = []
        let figures: [(key: String, field: FieldSpec?)] = [("value", source.value), ("numerator", source.numerator), ("denominator", source.denominator)]
        for (key, field) in figures {
            guard let field, field.sumsRows else { continue }
            if let rows = field.rows { problems += conditionProblems(rows, at: sourceAt + [Key(key), Key("where")]) }
            if let rows = field.exceptRows { problems += conditionProblems(rows, at: sourceAt + [Key(key), Key("where-not")]) }
        }
        guard !source.sums.isEmpty else { return problems }
        let plain = figures.filter { $0.field.map { !$0.sumsRows } ?? false }.map(\.key)
            + [("population", source.population), ("decile", source.decile)].filter { $0.1 != nil }.map(\.0)
        for key in plain {
            problems.append(PipelineProblem(path: sourceAt + [Key(key)],
                message: "this source sums rows, so every figure is a sum: write `{column: ...}` (every row of the area) or `{column: ..., where: {...}}`"))
        }
        for key in ["ci-lower", "ci-upper"] where (key == "ci-lower" ? source.ciLower : source.ciUpper) != nil {
            problems.append(PipelineProblem(path: sourceAt + [Key(key)], message: "published intervals are not carried for figures summed from rows: leave it out"))
        }
        return problems
    }

    /// Published intervals come in pairs, for methods that take a value as published.
    private func intervalProblems(_ indicator: IndicatorSpec, _ source: SourceSpec, at sourceAt: [Key]) -> [PipelineProblem] {
        var problems: [PipelineProblem] = []
        switch (source.ciLower, source.ciUpper) {
        case (nil, nil):
            return []
        case (_?, nil):
            problems.append(PipelineProblem(path: sourceAt + [Key("ci-lower")], message: "needs `ci-upper:`, the column of the upper limits, beside it"))
        case (nil, _?):
            problems.append(PipelineProblem(path: sourceAt + [Key("ci-upper")], message: "needs `ci-lower:`, the column of the lower limits, beside it"))
        case (_?, _?):
            break
        }
        if let method = indicator.aggregation, ![.inherit, .weightedMean, .median].contains(method) {
            let why = method == .rate ? "`rate` computes its Wilson interval from the counts" : "`\(method.rawValue)` figures are not values taken as published"
            problems.append(PipelineProblem(path: sourceAt + [Key(source.ciLower != nil ? "ci-lower" : "ci-upper")],
                message: "published intervals are carried for `inherit`, `weighted-mean` and `median` only: \(why)"))
        }
        return problems
    }

    /// Each condition names a column and at least one value.
    private func conditionProblems(_ conditions: RowConditions, at path: [Key]) -> [PipelineProblem] {
        if conditions.conditions.isEmpty {
            return [PipelineProblem(path: path, message: "needs at least one column and its value: `{COLUMN: VALUE}`")]
        }
        return conditions.conditions.compactMap { condition in
            if condition.column.allSatisfy(\.isWhitespace) {
                return PipelineProblem(path: path, message: "a column name cannot be empty")
            }
            if condition.values.isEmpty {
                return PipelineProblem(path: path + [Key(condition.column)], message: "needs at least one value")
            }
            return nil
        }
    }
}
