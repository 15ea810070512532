import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsTables

/// An area figure that came out infinite or not a number: small-area figures each within
/// the range of a double that sum, multiply or divide beyond it (two numerators of 1e308,
/// or 1e300 people times a score of 1e300). Said as an input-data error naming the
/// largest figure among the area's rows, with its line and column: almost always a
/// misplaced or mistyped value.
struct FigureOverflow {
    let indicator: IndicatorSpec
    let source: SourceSpec
    let pipeline: Pipeline
    let geography: Geography

    /// Whether every part of a figure is a finite number (or absent).
    static func isFinite(_ figure: AreaFigure) -> Bool {
        [figure.value, figure.numerator, figure.denominator, figure.interval?.lower, figure.interval?.upper]
            .allSatisfy { $0?.isFinite ?? true }
    }

    /// The column a figure is read from, as the message names it.
    private func name(_ field: FieldSpec?) -> String? {
        field.map { $0.column ?? "the latest period's column" }
    }

    /// The error for the area at `area` (its position in `geography.areas`), from the rows
    /// of the ingested table `rows` (nil when it cannot be read: the message then names no row).
    func error(area: Int, rows: StagedTableReader?) -> AreaNeedsError {
        let target = geography.areas[area]
        let file = pipeline.resolve(source.file)
        var largest: (value: Double, line: Int, column: String)?
        var finder = geography.shareFinder(at: source.geography)
        if let rows {
            try? IngestedRow.forEach(in: rows) { row in
                var reachesArea = false
                _ = finder.forEachShare(of: row.code, name: row.hasName ? row.name : nil) { reached, _ in
                    if reached == area { reachesArea = true }
                }
                guard reachesArea else { return }
                let figures: [(Double?, String?)] = [
                    (row.value, name(source.value)), (row.numerator, name(source.numerator)),
                    (row.denominator, name(source.denominator)), (row.population, source.population),
                ]
                for case let (value?, column?) in figures where abs(value) > abs(largest?.value ?? 0) {
                    largest = (value, row.line, column)
                }
            }
        }
        let culprit = largest.map {
            "; the largest figure among its small areas is \($0.value) on line \($0.line), column \"\($0.column)\" of \(file): "
                + "check it for a misplaced or mistyped value"
        } ?? "; check \(file) for a misplaced or mistyped value"
        return AreaNeedsError(.inputData,
            "indicator \(indicator.id): the figure of area \(target.code) (\(target.name)) is beyond the range of a number: "
            + "its small areas' figures add up to more than 1.8e308\(culprit)\n"
            + "  (set in \(pipeline.locate(pipeline.keyPath(ofIndicator: indicator.id, "source", "file"))))")
    }
}
