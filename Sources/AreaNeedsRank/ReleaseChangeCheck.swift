import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsRelease
import AreaNeedsTables
import Foundation

/// `checks: change-since-last-release`: compares each indicator's new area figures with the
/// newest release's, so that a refresh that read the wrong column, file or year is noticed
/// before it is published. Reports every figure that moved by more than `relative` of the
/// old one, with both values, and every indicator whose areas changed order wholesale (a
/// rank correlation below `rank-correlation`). New data may really move: the check is a
/// warning unless the pipeline makes it an error.
struct ReleaseChangeCheck {
    let pipeline: Pipeline

    /// The newest release's `indicator_needs.csv`, when there is a release to compare with.
    var releaseTable: String? {
        let history = ReleaseHistory(folder: pipeline.releasesFolder)
        guard let newest = history.newest else { return nil }
        let path = history.path(of: newest) + "/" + RankedTable.indicatorNeeds.fileName
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Adds what the check finds to `report`; `values` are each indicator's new figures by
    /// area number (NaN for none), in the order of `ids`.
    func check(ids: [String], areaCodes: [String], values: [[Double]], into report: inout CheckReport) throws(AreaNeedsError) {
        guard let path = releaseTable else { return }
        let version = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        let old = try figures(in: path)
        let checks = pipeline.file.checks
        let percent = FigureText.readable(checks.changeRelative * 100) + "%"
        for (position, id) in ids.enumerated() {
            guard let before = old[id] else { continue }
            var moved = CheckFindings(.changeSinceLastRelease)
            var pairs: (old: [Double], new: [Double]) = ([], [])
            for (area, code) in areaCodes.enumerated() {
                let new = values[position][area]
                guard !new.isNaN, let previous = before[code] else { continue }
                pairs.old.append(previous)
                pairs.new.append(new)
                let change = previous == 0 ? (new == 0 ? 0 : Double.infinity) : abs(new - previous) / abs(previous)
                if change > checks.changeRelative {
                    let shown = change.isFinite ? String(format: " (%+.0f%%)", (new - previous) / abs(previous) * 100) : ""
                    moved.add("\(code) \(FigureText.readable(previous)) -> \(FigureText.readable(new))\(shown)")
                }
            }
            report.add(moved) { count in
                "indicator \(id): \(count) area figure\(count == 1 ? "" : "s") moved by more than \(percent) since release \(version)"
            }
            if pairs.old.count >= 5, let rho = RankCorrelation.spearman(pairs.old, pairs.new), rho < checks.changeRankCorrelation {
                report.add(.changeSinceLastRelease, "indicator \(id): its areas changed order wholesale since release \(version) "
                           + "(rank correlation \(String(format: "%.2f", rho)), below \(FigureText.readable(checks.changeRankCorrelation))): "
                           + "a different column, year or file?")
            }
        }
    }

    /// The release's figures by indicator and area code.
    private func figures(in path: String) throws(AreaNeedsError) -> [String: [String: Double]] {
        let areaColumn = pipeline.file.geography.areaKey + "_code"
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            guard reader.header.names.contains(areaColumn) else { return [:] }
            let (area, indicator, value) = (try reader.header.column(areaColumn), try reader.header.column("indicator_id"), try reader.header.column("value"))
            var figures: [String: [String: Double]] = [:]
            try reader.forEachRecord { record in
                if case .number(let number)? = try? record.number(value) {
                    figures[record.text(indicator), default: [:]][record.text(area)] = number
                }
            }
            return figures
        } catch {
            throw AreaNeedsError(error, context: "rank: comparing with the newest release")
        }
    }
}
