import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsTables

/// The rules a pipeline file must follow beyond its shape: names and ids, objectives, the
/// columns each aggregation method needs, numbers in range (`+Numbers`) and text that can be
/// published (`+Text`).
struct PipelineValidation {
    let pipeline: Pipeline

    /// The longest pipeline name, indicator id, population name or area key: each names
    /// files and folders, whose names the file system bounds.
    static let maximumNameLength = 64

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ name: String) { stringValue = name }
        init(index: Int) {
            stringValue = String(index)
            intValue = index
        }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.init(index: intValue) }
    }

    func problems() -> [PipelineProblem] {
        var problems: [PipelineProblem] = []
        let file = pipeline.file
        func report(_ path: [Key], _ message: String) { problems.append(PipelineProblem(path: path, message: message)) }

        if let problem = nameProblem(file.name, "lower-case letters, digits and hyphens (it names the release folder)") {
            report([Key("pipeline")], problem)
        }
        if let problem = nameProblem(file.geography.areaKey.replacingOccurrences(of: "_", with: "-"), "lower-case letters and digits", shown: file.geography.areaKey) {
            report([Key("geography"), Key("area-key")], problem)
        }
        if file.indicators.isEmpty {
            report([Key("indicators")], "a pipeline needs at least one indicator")
        }
        if !(0...100).contains(file.checks.areaChangeLimit) {
            report([Key("checks"), Key("area-change-limit")], "a percentage of area codes, from 0 to 100, not \(Self.text(file.checks.areaChangeLimit))")
        }
        if !(file.checks.changeRelative.isFinite && file.checks.changeRelative > 0) {
            report([Key("checks"), Key("change-since-last-release"), Key("relative")],
                   "a share of the old figure greater than 0 (0.5: a figure that moves by half), not \(Self.text(file.checks.changeRelative))")
        }
        if !(-1...1).contains(file.checks.changeRankCorrelation) {
            report([Key("checks"), Key("change-since-last-release"), Key("rank-correlation")],
                   "a rank correlation from -1 to 1, not \(Self.text(file.checks.changeRankCorrelation))")
        }
        if file.limits.maxFieldBytes.bytes > file.limits.maxRowBytes.bytes {
            report([Key("limits"), Key("max-field-bytes")], "a field cannot be larger than a row (max-row-bytes is \(file.limits.maxRowBytes))")
        }
        for (name, population) in file.populations.sorted(by: { $0.key < $1.key }) {
            if let problem = nameProblem(name, "lower-case letters, digits and hyphens (it names files in the staging folder)") {
                report([Key("populations"), Key(name)], problem)
            }
            if let problem = population.expectedRows.flatMap(rangeProblem) {
                report([Key("populations"), Key(name), Key("expected-rows")], problem)
            }
        }
        var seen: [String: Int] = [:]
        for (index, indicator) in file.indicators.enumerated() {
            let at = [Key("indicators"), Key(index: index)]
            if let problem = nameProblem(indicator.id, "lower-case letters, digits and hyphens") {
                report(at + [Key("id")], problem)
            }
            if let first = seen[indicator.id] {
                report(at + [Key("id")], "the id \"\(SafeText.excerpt(indicator.id))\" is already used by indicators[\(first)]")
            }
            seen[indicator.id] = seen[indicator.id] ?? index
            problems += longTableProblems(indicator, at: at)
            if !(1...5).contains(indicator.objective) {
                report(at + [Key("objective")], "objectives are numbered 1 to 5, not \(indicator.objective)")
            }
            if let problem = indicator.expectedAreas.flatMap(rangeProblem) {
                report(at + [Key("expected-areas")], problem)
            }
            if let checks = indicator.checks, !checks.setsSeveritiesOnly {
                report(at + [Key("checks")], "an indicator's checks set severities only (error or warning); area-change-limit and the change-since-last-release thresholds are the pipeline's (`checks:` at the top level)")
            }
            if let problem = indicator.source?.expectedRows.flatMap(rangeProblem) {
                report(at + [Key("source"), Key("expected-rows")], problem)
            }
            for (position, id) in indicator.standsInFor.enumerated() {
                let key = at + [Key("stands-in-for")] + (indicator.standsInFor.count > 1 ? [Key(index: position)] : [])
                guard let other = file.indicators.first(where: { $0.id == id }) else {
                    report(key, "no indicator has the id \"\(SafeText.excerpt(id))\"; a stand-in names the framework indicators it replaces by their ids (its own id when its figure stands in for the measure its title names)")
                    continue
                }
                if other.id != indicator.id && other.source != nil {
                    report(key, "\"\(SafeText.excerpt(id))\" has a source of its own: a stand-in replaces indicators that are `unavailable`")
                }
                if other.objective != indicator.objective {
                    report(key, "\"\(SafeText.excerpt(id))\" informs objective \(other.objective), this indicator objective \(indicator.objective): a stand-in serves its own objective")
                }
            }
            if indicator.isProxy && indicator.source == nil {
                report(at + [Key("stands-in-for")], "only an indicator with a source can stand in for another")
            }
            if let weight = indicator.weight, file.populations[weight] == nil {
                let known = file.populations.keys.sorted().joined(separator: ", ")
                report(at + [Key("weight")], "no population named \"\(SafeText.excerpt(weight))\" under populations" + (known.isEmpty ? "" : " (there are: \(SafeText.excerpt(known, limit: 200)))"))
            }
            guard let source = indicator.source else {
                if indicator.unavailable == nil {
                    report(at, "an indicator without a source needs `unavailable:` saying why there is no data")
                }
                continue
            }
            if indicator.unavailable != nil {
                report(at + [Key("unavailable")], "an indicator with a source cannot also be unavailable")
            }
            guard let method = indicator.aggregation else {
                report(at + [Key("aggregation")], "an indicator with a source needs an aggregation method")
                continue
            }
            problems += columnProblems(method, indicator, source, at: at)
            if !method.readsAgeBands { problems += ageBandKeysRefused(method, indicator, source, at: at) }
        }
        problems += numberProblems() + textProblems()
        return problems
    }

    private func columnProblems(_ method: AggregationMethod, _ indicator: IndicatorSpec, _ source: SourceSpec, at: [Key]) -> [PipelineProblem] {
        var problems: [PipelineProblem] = []
        let sourceAt = at + [Key("source")]
        func require(_ column: FieldSpec?, _ key: String, _ why: String) {
            if column == nil { problems.append(PipelineProblem(path: sourceAt + [Key(key)], message: "`\(ReleaseText.text(method))` needs `\(key):`, \(why)")) }
        }
        let hasWeight = source.population != nil || indicator.weight != nil
        switch method {
        case .rate:
            require(source.numerator, "numerator", "the column of counts")
            require(source.denominator, "denominator", "the column of totals")
        case .weightedMean, .median:
            require(source.value, "value", "the column of values")
            if !hasWeight && source.geography != .area && source.geography != .district && source.geography != .county {
                problems.append(PipelineProblem(path: at + [Key("weight")], message: "`\(ReleaseText.text(method))` needs a population: `source.population:` or `weight:`"))
            }
        case .averageRank, .extent, .localConcentration:
            require(source.value, "value", "the column of national ranks (1 = most deprived)")
            if !hasWeight {
                problems.append(PipelineProblem(path: at + [Key("weight")], message: "`\(ReleaseText.text(method))` needs a population: `source.population:` or `weight:`"))
            }
        case .shareInMostDeprivedDecile:
            if source.decile == nil && source.value == nil {
                problems.append(PipelineProblem(path: sourceAt + [Key("decile")], message: "`\(ReleaseText.text(method))` needs `decile:` (or `value:` with national ranks)"))
            }
        case .lifeExpectancy, .disabilityFreeLifeExpectancy, .standardisedRate:
            problems += ageBandProblems(method, indicator, source, at: at)
        case .inherit:
            require(source.value, "value", "the column of district figures")
            if source.geography != .district && source.geography != .county {
                problems.append(PipelineProblem(path: sourceAt + [Key("geography")], message: "`inherit` copies district or county figures: the source geography must be `district` or `county`"))
            }
        }
        if source.districtFromName && source.areaName == nil {
            problems.append(PipelineProblem(path: sourceAt + [Key("area-name")], message: "`district-from-name` needs `area-name:`, the column of area names"))
        }
        if method != .inherit && method != .rate && (source.geography == .district || source.geography == .county) {
            problems.append(PipelineProblem(path: at + [Key("aggregation")], message: "\(source.geography.title) figures are copied to their areas: use `aggregation: inherit` (or `rate`, to copy the \(source.geography.title)'s counts)"))
        }
        return problems
    }

    /// What is wrong with an expected count, if anything.
    private func rangeProblem(_ range: CountRange) -> String? {
        if let low = range.min, low < 0 { return "min cannot be negative (\(low))" }
        if let high = range.max, high < 0 { return "max cannot be negative (\(high))" }
        if let low = range.min, let high = range.max, low > high { return "min (\(low)) is above max (\(high))" }
        return nil
    }

    /// What is wrong with a name that must be an identifier of at most
    /// `maximumNameLength` characters; `rule` says what it may hold.
    private func nameProblem(_ name: String, _ rule: String, shown: String? = nil) -> String? {
        let shown = SafeText.excerpt(shown ?? name)
        if name.utf8.count > PipelineValidation.maximumNameLength {
            return "\"\(shown)\" is \(name.count) characters long; it may have at most \(PipelineValidation.maximumNameLength), \(rule)"
        }
        let isIdentifier = !name.isEmpty && name.first != "-"
            && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        return isIdentifier ? nil : "\"\(shown)\" must be \(rule)"
    }
}
