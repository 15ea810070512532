import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsTables
import Foundation

/// A published release, opened for reading after checking it against its checksums:
/// tools refuse to decide anything on a corrupt or incomplete release.
package struct Release: Sendable {
    /// The version folder (links resolved).
    package let folder: String
    package let pipeline: String
    package let version: ReleaseVersion
    package let title: String
    package let synthetic: Bool
    package let schema: ReleaseSchema
    /// The procurement rules the release was published with.
    package let policy: ReleasePolicy

    /// Opens a release.
    ///
    /// - Parameters:
    ///   - location: a version folder (`data-out/sample/1.2.0`), the `latest` link in a
    ///     pipeline folder, a pipeline folder (its latest release), or `latest` alone: the
    ///     latest release of `pipeline`, of the only pipeline under `dataOut` that has one,
    ///     or of `defaultPipeline` when several have.
    ///   - pipeline: the pipeline whose latest release `latest` means (`--pipeline`).
    ///   - defaultPipeline: the one `latest` means when several have releases and none is
    ///     named (`areaneeds.yml`).
    package static func open(_ location: String, dataOut: String = "data-out", pipeline: String? = nil,
                            defaultPipeline: String? = nil) throws(AreaNeedsError) -> Release {
        let folder = try resolve(location, dataOut: dataOut, pipeline: pipeline, defaultPipeline: defaultPipeline)
        try ReleaseVerifier.verify(folder: folder)
        let files = ReleaseFiles(folder: folder)
        guard let descriptor = files.descriptor,
              let versionText = descriptor["version"]?.string, let version = ReleaseVersion(versionText) else {
            throw AreaNeedsError(.inputData, "\(folder)/datapackage.json: has no valid version")
        }
        let extra = descriptor["areaneeds"]
        let areaKey = extra?["area_key"]?.string ?? "spa"
        let areaLabel = extra?["area_label"]?.string ?? "Service Planning Area"
        let synthetic: Bool
        if case .bool(let flag)? = extra?["synthetic"] { synthetic = flag } else { synthetic = false }
        let withinDistricts: Bool
        if case .bool(let flag)? = extra?["ranks_within_districts"] { withinDistricts = flag } else { withinDistricts = false }
        var policy = ReleasePolicy()
        switch extra?["procurement_threshold"] {
        case .number(let value)?: policy.procurementThreshold = value
        case .integer(let value)?: policy.procurementThreshold = Double(value)
        default: break
        }
        if let source = extra?["procurement_threshold_source"]?.string { policy.thresholdSource = source }
        return Release(
            folder: folder,
            pipeline: extra?["pipeline"]?.string ?? URL(fileURLWithPath: folder).deletingLastPathComponent().lastPathComponent,
            version: version, title: descriptor["title"]?.string ?? "", synthetic: synthetic,
            schema: ReleaseSchema(areaKey: areaKey, areaLabel: areaLabel, ranksWithinDistricts: withinDistricts), policy: policy)
    }

    /// The pipelines under `dataOut` that have a latest release, by name.
    package static func pipelinesWithReleases(under dataOut: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dataOut)) ?? [])
            .filter { Folder.kind(ofPath: dataOut + "/" + $0 + "/latest") != .missing }.sorted()
    }

    static func resolve(_ location: String, dataOut: String, pipeline: String? = nil, defaultPipeline: String? = nil) throws(AreaNeedsError) -> String {
        var path = location
        let pipelines = pipelinesWithReleases(under: dataOut)
        if let pipeline {
            guard location == "latest" else {
                throw AreaNeedsError(.usage, "give --release or --pipeline, not both (--release \(location), --pipeline \(pipeline))")
            }
            guard pipelines.contains(pipeline) else {
                throw AreaNeedsError(.missingInput, "no release of pipeline \(pipeline) under \(dataOut)/"
                    + (pipelines.isEmpty ? ": run `areaneeds run pipelines/\(pipeline).yml` first" : " (pipelines with releases: \(pipelines.joined(separator: ", ")))"))
            }
            path = dataOut + "/" + pipeline + "/latest"
        } else if location == "latest" {
            if pipelines.isEmpty {
                throw AreaNeedsError(.missingInput, "no release under \(dataOut)/ yet: run `areaneeds run PIPELINE` first, or give the release folder")
            }
            let chosen: String
            if pipelines.count == 1 {
                chosen = pipelines[0]
            } else if let defaultPipeline, pipelines.contains(defaultPipeline) {
                chosen = defaultPipeline
            } else {
                let fallback = defaultPipeline.map { " (areaneeds.yml names \($0), which has no release under \(dataOut)/)" } ?? ""
                throw AreaNeedsError(.usage, "several pipelines have releases under \(dataOut)/: \(pipelines.joined(separator: ", "))\(fallback); "
                    + "name one with --pipeline NAME (or --release \(dataOut)/NAME/latest), or set `default-pipeline: NAME` in areaneeds.yml")
            }
            path = dataOut + "/" + chosen + "/latest"
        }
        // A pipeline folder means its latest release.
        if Folder.kind(ofPath: path) == .folder, Folder.kind(ofPath: path + "/SHA256SUMS") == .missing,
           Folder.kind(ofPath: path + "/latest") != .missing {
            path += "/latest"
        }
        let name = (path as NSString).lastPathComponent
        let parent = (path as NSString).deletingLastPathComponent
        if name == "latest" {
            // Followed only to a release beside it, as areaneeds makes the link.
            let history = ReleaseHistory(folder: parent.isEmpty ? "." : parent)
            switch history.latestEntry {
            case .release(let version):
                path = history.path(of: version)
            case .foreign(let what):
                throw AreaNeedsError(.inputData, history.foreignLatestMessage(what))
            case .stale(let target) where Folder.kind(ofPath: history.folder + "/" + target) == .folder:
                // A folder beside it that is not a whole release: the verifier says what is wrong.
                path = history.folder + "/" + target
            case .stale(let target):
                throw AreaNeedsError(.inputData, "\(path): names \(SafeText.excerpt(target)), which is not a release there; run the pipeline again to repair it (or give the release folder)" + ReleaseHistory.known(history))
            case .missing:
                break
            }
        } else if Folder.kind(ofPath: path) == .link, let version = ReleaseVersion(name) {
            // A release is a real folder: a link named like a version is not one.
            throw AreaNeedsError(.inputData, "\(path): a symbolic link named like release \(version), not a release folder; releases are read from their own folders only (give the folder it leads to)"
                + ReleaseHistory.known(ReleaseHistory(folder: parent)))
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw AreaNeedsError(.missingInput, "\(path): no such release folder" + ReleaseHistory.known(ReleaseHistory(folder: parent)))
        }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// "sample 1.2.0".
    package var label: String { "\(pipeline) \(version)" }

    // MARK: - Tables

    /// Every row of a table as text, keyed by column name.
    package func rows(of table: String) throws(AreaNeedsError) -> [[String: String]] {
        try records(of: table).map(\.fields)
    }

    /// Every row of a table as text, keyed by column name, with the line it starts on.
    func records(of table: String) throws(AreaNeedsError) -> [(line: Int, fields: [String: String])] {
        let path = folder + "/" + table + ".csv"
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            let names = reader.header.names
            var rows: [(line: Int, fields: [String: String])] = []
            try reader.forEachRecord { record in
                let texts = record.texts
                var row: [String: String] = [:]
                for (index, name) in names.enumerated() { row[name] = index < texts.count ? texts[index] : "" }
                rows.append((record.line, row))
            }
            return rows
        } catch let error as TableError {
            throw AreaNeedsError(error, context: "release \(label)")
        } catch {
            throw AreaNeedsError(.internal, "\(path): \(error)")
        }
    }

    /// The value of a column of a closed set (`ReleaseText`); nil when the cell is empty.
    /// Throws, naming the file, line and column, when it holds no value of the set.
    private func value<Value: ReleaseTextValue>(_ column: String, of record: (line: Int, fields: [String: String]),
                                                in table: TableSchema) throws(AreaNeedsError) -> Value? {
        let text = record.fields[column] ?? ""
        if text.isEmpty { return nil }
        guard let value = ReleaseText.value(text, as: Value.self) else {
            let known = ReleaseText.texts(of: Value.self).joined(separator: ", ")
            throw AreaNeedsError(.inputData, "\(folder)/\(table.fileName), line \(record.line), column \(column): \"\(text)\" is none of \(known); the release was written by another version of areaneeds, or changed")
        }
        return value
    }

    package func areas() throws(AreaNeedsError) -> [AreaRow] {
        try rows(of: schema.areas.name).map { row in
            AreaRow(code: row[schema.areaCode] ?? "", name: row[schema.areaName] ?? "",
                    districtCode: row["district_code"] ?? "", districtName: row["district_name"] ?? "",
                    population: Double(row["population"] ?? ""))
        }
    }

    package func objectives() throws(AreaNeedsError) -> [ObjectiveRow] {
        try rows(of: schema.objectives.name).map { row in
            ObjectiveRow(id: Int(row["objective_id"] ?? "") ?? 0, shortName: row["short_name"] ?? "",
                         title: row["title"] ?? "", description: row["description"] ?? "")
        }
    }

    package func outcomes() throws(AreaNeedsError) -> [OutcomeRow] {
        try rows(of: schema.outcomes.name).map { row in
            OutcomeRow(id: Int(row["outcome_id"] ?? "") ?? 0, objectiveId: Int(row["objective_id"] ?? "") ?? 0,
                       outcome: row["outcome"] ?? "",
                       corporatePriorities: (row["corporate_priorities"] ?? "").components(separatedBy: " | ").filter { !$0.isEmpty })
        }
    }

    package func indicators() throws(AreaNeedsError) -> [IndicatorRow] {
        let table = schema.indicators
        return try records(of: table.name).map { record throws(AreaNeedsError) in
            let row = record.fields
            guard let polarity: Polarity = try value("polarity", of: record, in: table) else {
                throw AreaNeedsError(.inputData, "\(folder)/\(table.fileName), line \(record.line), column polarity: empty; the release was written by another version of areaneeds, or changed")
            }
            return IndicatorRow(
                id: row["indicator_id"] ?? "", title: row["title"] ?? "", objectiveId: Int(row["objective_id"] ?? "") ?? 0,
                polarity: polarity, unit: row["unit"] ?? "", aggregation: try value("aggregation", of: record, in: table),
                source: row["source"] ?? "", sourceGeography: try value("source_geography", of: record, in: table),
                vintage: row["vintage"] ?? "",
                available: row["available"] == "true", unavailableReason: row["unavailable_reason"] ?? "",
                notes: row["notes"] ?? "", synthetic: row["synthetic"] == "true",
                standsInFor: (row["stands_in_for"] ?? "").components(separatedBy: " | ").filter { !$0.isEmpty },
                nationalCount: Int(row["national_count"] ?? ""), countyValue: Double(row["county_value"] ?? ""),
                notRankedReason: row["not_ranked_reason"] ?? "")
        }
    }

    package func indicatorNeeds() throws(AreaNeedsError) -> [IndicatorNeedRow] {
        let table = schema.indicatorNeeds
        return try records(of: table.name).map { record throws(AreaNeedsError) in
            let row = record.fields
            return IndicatorNeedRow(
                areaCode: row[schema.areaCode] ?? "", indicatorId: row["indicator_id"] ?? "",
                value: Double(row["value"] ?? ""), numerator: Double(row["numerator"] ?? ""),
                denominator: Double(row["denominator"] ?? ""), ciLower: Double(row["ci_lower"] ?? ""),
                ciUpper: Double(row["ci_upper"] ?? ""), needRank: Int(row["need_rank"] ?? ""),
                needQuintile: Int(row["need_quintile"] ?? ""), highestNeed: Release.bool(row["highest_need"]),
                quality: try value("quality", of: record, in: table),
                comparedWithCounty: try value("compared_with_county", of: record, in: table),
                valueMissingReason: row["value_missing_reason"] ?? "")
        }
    }

    package func objectiveNeeds() throws(AreaNeedsError) -> [ObjectiveNeedRow] {
        try rows(of: schema.objectiveNeeds.name).map { row in
            ObjectiveNeedRow(
                areaCode: row[schema.areaCode] ?? "", objectiveId: Int(row["objective_id"] ?? "") ?? 0,
                indicatorsRanked: Int(row["indicators_ranked"] ?? "") ?? 0,
                indicatorsInWorstTwoFifths: Int(row["indicators_in_worst_two_fifths"] ?? "") ?? 0,
                meanNeedRank: Double(row["mean_need_rank"] ?? ""), needRank: Int(row["need_rank"] ?? ""),
                needQuintile: Int(row["need_quintile"] ?? ""), highestNeed: Release.bool(row["highest_need"]))
        }
    }

    package func framework() throws(AreaNeedsError) -> [MeasureRow] {
        try rows(of: schema.framework.name).map { row in
            MeasureRow(objectiveId: Int(row["objective_id"] ?? "") ?? 0, outcomeId: Int(row["outcome_id"] ?? "") ?? 0,
                       measureNumber: Int(row["measure_number"] ?? "") ?? 0, outcome: row["outcome"] ?? "",
                       exampleMeasure: row["example_measure"] ?? "")
        }
    }

    static func bool(_ text: String?) -> Bool? {
        switch text {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
