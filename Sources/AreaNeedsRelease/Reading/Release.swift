import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsTables
import Foundation

/// A published release, opened for reading after checking it against its checksums:
/// tools refuse to decide anything on a corrupt or incomplete release.
///
/// Every table is read through `ReleaseTableReader`, which checks each row against what
/// the data package promises (types, required values, unique keys, foreign keys) within
/// `limits`; the tables the foreign keys refer to are read, and their keys kept, when the
/// release is opened.
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
    /// What reading the release may take.
    package let limits: ReleaseLimits
    /// The descriptor's resources (tables) by name, in its order.
    private let resources: [(name: String, resource: JSONValue)]
    /// The keys foreign keys refer to.
    private var keys = ReleaseKeys()

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
    ///   - limits: how much reading it may take (tests make them small).
    package static func open(_ location: String, dataOut: String = "data-out", pipeline: String? = nil,
                            defaultPipeline: String? = nil, limits: ReleaseLimits = .standard) throws(AreaNeedsError) -> Release {
        let folder = try resolve(location, dataOut: dataOut, pipeline: pipeline, defaultPipeline: defaultPipeline)
        try ReleaseVerifier.verify(folder: folder, limits: limits)
        let files = ReleaseFiles(folder: folder, limits: limits)
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
        let resources = (descriptor["resources"]?.array ?? []).compactMap { resource in
            resource["name"]?.string.map { (name: $0, resource: resource) }
        }
        var release = Release(
            folder: folder,
            pipeline: extra?["pipeline"]?.string ?? URL(fileURLWithPath: folder).deletingLastPathComponent().lastPathComponent,
            version: version, title: descriptor["title"]?.string ?? "", synthetic: synthetic,
            schema: ReleaseSchema(areaKey: areaKey, areaLabel: areaLabel, ranksWithinDistricts: withinDistricts), policy: policy,
            limits: limits, resources: resources)
        try release.readReferencedKeys()
        return release
    }

    /// Reads the tables that foreign keys refer to, each after those it refers to itself,
    /// and keeps the keys referred to.
    private mutating func readReferencedKeys() throws(AreaNeedsError) {
        var wanted: [String: [[String]]] = [:]
        for (name, _) in resources {
            for key in try rules(of: name).foreignKeys where !(wanted[key.resource]?.contains(key.referencedFields) ?? false) {
                wanted[key.resource, default: []].append(key.referencedFields)
            }
        }
        var done: Set<String> = []
        var reading: [String] = []
        func read(_ name: String) throws(AreaNeedsError) {
            if done.contains(name) { return }
            if reading.contains(name) {
                throw AreaNeedsError(.inputData, "\(folder)/datapackage.json: the foreign keys of \(reading.joined(separator: ", ")) refer to each other in a circle")
            }
            guard tableNames.contains(name) else { return }  // told when a table refers to it
            reading.append(name)
            for key in try rules(of: name).foreignKeys { try read(key.resource) }
            let collected = try tableReader(name).forEachRecord(collecting: wanted[name] ?? []) { _ in }
            for (columns, values) in collected { keys.add(values, of: name, columns) }
            reading.removeLast()
            done.insert(name)
        }
        for (name, _) in resources where wanted[name] != nil { try read(name) }
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

    /// The names of the tables the release has, in its descriptor's order.
    package var tableNames: [String] { resources.map(\.name) }

    /// What reading table `name` checks.
    func rules(of name: String) throws(AreaNeedsError) -> TableRules {
        guard let resource = resources.first(where: { $0.name == name })?.resource else {
            throw AreaNeedsError(.inputData, "\(folder)/datapackage.json: the release \(label) has no table \(name)" + ReleaseTableReader.hint)
        }
        return try TableRules(name: name, product: schema.table(name), resource: resource, descriptorPath: folder + "/datapackage.json")
    }

    /// A reader of table `name`, which checks every row as it reads it: the one way the
    /// tools read a release's tables.
    package func tableReader(_ name: String) throws(AreaNeedsError) -> ReleaseTableReader {
        try ReleaseTableReader(folder: folder, label: label, rules: rules(of: name), limits: limits, references: keys)
    }

    /// Every row of table `name`, made into `Row`s by `make`, which is given the reader (to
    /// find its columns) and the checked record.
    private func read<Row>(_ name: String, _ make: (ReleaseTableReader) -> (ReleaseRecord) throws(AreaNeedsError) -> Row) throws(AreaNeedsError) -> [Row] {
        let reader = try tableReader(name)
        let row = make(reader)
        var rows: [Row] = []
        try reader.forEachRecord { record throws(AreaNeedsError) in rows.append(try row(record)) }
        return rows
    }

    /// The value of a column of a closed set (`ReleaseText`); nil when the cell is empty.
    /// Throws, naming the file, line and column, when it holds no value of the set.
    private func value<Value: ReleaseTextValue>(_ column: String, at position: Int?, of record: ReleaseRecord,
                                                in table: TableSchema) throws(AreaNeedsError) -> Value? {
        let text = record.text(position)
        if text.isEmpty { return nil }
        guard let value = ReleaseText.value(text, as: Value.self) else {
            let known = ReleaseText.texts(of: Value.self).joined(separator: ", ")
            throw AreaNeedsError(.inputData, "release \(label): \(folder)/\(table.fileName), line \(record.line), column \(column): \"\(SafeText.excerpt(text))\" is none of \(known)" + ReleaseTableReader.hint)
        }
        return value
    }

    package func areas() throws(AreaNeedsError) -> [AreaRow] {
        try read(schema.areas.name) { reader in
            let (code, name, districtCode, districtName, population) = (
                reader.column(schema.areaCode), reader.column(schema.areaName), reader.column("district_code"),
                reader.column("district_name"), reader.column("population"))
            return { record in
                AreaRow(code: record.text(code), name: record.text(name), districtCode: record.text(districtCode),
                        districtName: record.text(districtName), population: record.number(population))
            }
        }
    }

    package func objectives() throws(AreaNeedsError) -> [ObjectiveRow] {
        try read(schema.objectives.name) { reader in
            let (id, shortName, title, description) = (
                reader.column("objective_id"), reader.column("short_name"), reader.column("title"), reader.column("description"))
            return { record in
                ObjectiveRow(id: record.integer(id) ?? 0, shortName: record.text(shortName), title: record.text(title),
                             description: record.text(description))
            }
        }
    }

    package func outcomes() throws(AreaNeedsError) -> [OutcomeRow] {
        try read(schema.outcomes.name) { reader in
            let (id, objective, outcome, priorities) = (
                reader.column("outcome_id"), reader.column("objective_id"), reader.column("outcome"), reader.column("corporate_priorities"))
            return { record in
                OutcomeRow(id: record.integer(id) ?? 0, objectiveId: record.integer(objective) ?? 0, outcome: record.text(outcome),
                           corporatePriorities: Release.list(record.text(priorities)))
            }
        }
    }

    package func indicators() throws(AreaNeedsError) -> [IndicatorRow] {
        let table = schema.indicators
        return try read(table.name) { reader in
            let column = { (name: String) in reader.column(name) }
            let (id, title, objective, polarity, unit, aggregation, source, geography, vintage) = (
                column("indicator_id"), column("title"), column("objective_id"), column("polarity"), column("unit"),
                column("aggregation"), column("source"), column("source_geography"), column("vintage"))
            let (available, unavailable, notes, synthetic, standsIn, nationalCount, countyValue, notRanked) = (
                column("available"), column("unavailable_reason"), column("notes"), column("synthetic"), column("stands_in_for"),
                column("national_count"), column("county_value"), column("not_ranked_reason"))
            return { record throws(AreaNeedsError) in
                guard let polarityValue: Polarity = try value("polarity", at: polarity, of: record, in: table) else {
                    throw AreaNeedsError(.inputData, "release \(label): \(folder)/\(table.fileName), line \(record.line), column polarity: empty" + ReleaseTableReader.hint)
                }
                return IndicatorRow(
                    id: record.text(id), title: record.text(title), objectiveId: record.integer(objective) ?? 0,
                    polarity: polarityValue, unit: record.text(unit),
                    aggregation: try value("aggregation", at: aggregation, of: record, in: table),
                    source: record.text(source), sourceGeography: try value("source_geography", at: geography, of: record, in: table),
                    vintage: record.text(vintage),
                    available: record.bool(available) == true, unavailableReason: record.text(unavailable),
                    notes: record.text(notes), synthetic: record.bool(synthetic) == true,
                    standsInFor: Release.list(record.text(standsIn)),
                    nationalCount: record.integer(nationalCount), countyValue: record.number(countyValue),
                    notRankedReason: record.text(notRanked))
            }
        }
    }

    package func indicatorNeeds() throws(AreaNeedsError) -> [IndicatorNeedRow] {
        let table = schema.indicatorNeeds
        return try read(table.name) { reader in
            let column = { (name: String) in reader.column(name) }
            let (area, indicator, value, numerator, denominator, lower, upper) = (
                column(schema.areaCode), column("indicator_id"), column("value"), column("numerator"), column("denominator"),
                column("ci_lower"), column("ci_upper"))
            let (rank, quintile, highest, quality, compared) = (
                column("need_rank"), column("need_quintile"), column("highest_need"), column("quality"), column("compared_with_county"))
            let missingReason = column("value_missing_reason")
            return { record throws(AreaNeedsError) in
                IndicatorNeedRow(
                    areaCode: record.text(area), indicatorId: record.text(indicator),
                    value: record.number(value), numerator: record.number(numerator),
                    denominator: record.number(denominator), ciLower: record.number(lower),
                    ciUpper: record.number(upper), needRank: record.integer(rank),
                    needQuintile: record.integer(quintile), highestNeed: record.bool(highest),
                    quality: try self.value("quality", at: quality, of: record, in: table),
                    comparedWithCounty: try self.value("compared_with_county", at: compared, of: record, in: table),
                    valueMissingReason: record.text(missingReason))
            }
        }
    }

    package func objectiveNeeds() throws(AreaNeedsError) -> [ObjectiveNeedRow] {
        try read(schema.objectiveNeeds.name) { reader in
            let column = { (name: String) in reader.column(name) }
            let (area, objective, ranked, worst, mean, rank, quintile, highest) = (
                column(schema.areaCode), column("objective_id"), column("indicators_ranked"), column("indicators_in_worst_two_fifths"),
                column("mean_need_rank"), column("need_rank"), column("need_quintile"), column("highest_need"))
            return { record in
                ObjectiveNeedRow(
                    areaCode: record.text(area), objectiveId: record.integer(objective) ?? 0,
                    indicatorsRanked: record.integer(ranked) ?? 0, indicatorsInWorstTwoFifths: record.integer(worst) ?? 0,
                    meanNeedRank: record.number(mean), needRank: record.integer(rank),
                    needQuintile: record.integer(quintile), highestNeed: record.bool(highest))
            }
        }
    }

    package func framework() throws(AreaNeedsError) -> [MeasureRow] {
        try read(schema.framework.name) { reader in
            let (objective, outcome, number, outcomeText, measure) = (
                reader.column("objective_id"), reader.column("outcome_id"), reader.column("measure_number"),
                reader.column("outcome"), reader.column("example_measure"))
            return { record in
                MeasureRow(objectiveId: record.integer(objective) ?? 0, outcomeId: record.integer(outcome) ?? 0,
                           measureNumber: record.integer(number) ?? 0, outcome: record.text(outcomeText),
                           exampleMeasure: record.text(measure))
            }
        }
    }

    /// A list written with " | " between its items.
    static func list(_ text: String) -> [String] {
        text.isEmpty ? [] : text.components(separatedBy: " | ").filter { !$0.isEmpty }
    }
}
