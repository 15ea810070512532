import AreaNeedsMethods

/// The keys of the age-band methods (`life-expectancy`, `disability-free-life-expectancy`,
/// `standardised-rate`): the columns each needs, the keys that belong to another method, and
/// the settings `AgeBandSettings` checks (`at-age`, `confidence`, `standard-population`).
extension PipelineValidation {
    /// The columns an age-band method needs and the keys it refuses.
    func ageBandProblems(_ method: AggregationMethod, _ indicator: IndicatorSpec, _ source: SourceSpec, at: [Key]) -> [PipelineProblem] {
        var problems: [PipelineProblem] = []
        let sourceAt = at + [Key("source")]
        let name = ReleaseText.text(method)
        func require(_ column: String?, _ key: String, _ why: String) {
            if column == nil { problems.append(PipelineProblem(path: sourceAt + [Key(key)], message: "`\(name)` needs `\(key):`, \(why)")) }
        }
        func refuse(_ present: Bool, _ key: String, _ why: String, inSource: Bool = true) {
            if present { problems.append(PipelineProblem(path: (inSource ? sourceAt : at) + [Key(key)], message: "`\(name)` does not take `\(key):`: \(why)")) }
        }
        require(source.ageBand, "age-band", "the column of age bands (0, 1-4, 5-9, ..., 90+, or their start ages)")
        require(source.population, "population", "the column of person-years (or population) by age band")
        switch method {
        case .lifeExpectancy, .disabilityFreeLifeExpectancy:
            require(source.deaths, "deaths", "the column of deaths by age band")
            refuse(source.events != nil, "events", "a life table counts deaths; name the column `deaths:`")
        case .standardisedRate:
            require(source.events, "events", "the column of events (deaths, admissions, ...) by age band")
            refuse(source.deaths != nil, "deaths", "a standardised rate counts events; name the column `events:`")
        case .rate, .weightedMean, .averageRank, .extent, .localConcentration, .shareInMostDeprivedDecile, .inherit, .median:
            break
        }
        if method == .disabilityFreeLifeExpectancy {
            require(source.disabled, "disabled", "the column of people whose day-to-day activities are limited, by age band")
            require(source.surveyed, "surveyed", "the column of people counted for it, by age band")
        } else {
            refuse(source.disabled != nil, "disabled", "only `disability-free-life-expectancy` reads the prevalence of disability")
            refuse(source.surveyed != nil, "surveyed", "only `disability-free-life-expectancy` reads the prevalence of disability")
        }
        let computed = "its figure is computed from the counts by age band"
        refuse(source.value != nil, "value", computed)
        refuse(source.numerator != nil, "numerator", computed + "; the events column is `\(method == .standardisedRate ? "events" : "deaths"):`")
        refuse(source.denominator != nil, "denominator", computed + "; the person-years column is `population:`")
        refuse(source.decile != nil, "decile", computed)
        refuse(source.ciLower != nil, "ci-lower", "its interval is computed from the counts")
        refuse(source.ciUpper != nil, "ci-upper", "its interval is computed from the counts")
        refuse(source.period != nil, "period", "its rows are summed over the years the file covers; keep one period's rows with `where:`")
        refuse(indicator.weight != nil, "weight", "the person-years by age band are its population", inSource: false)
        refuse(indicator.nationalCount != nil, "national-count", "it reads no national ranks", inSource: false)
        do {
            _ = try AgeBandSettings(indicator, resolve: pipeline.resolve)
        } catch {
            problems.append(PipelineProblem(path: at + [Key(error.key)], message: error.message))
        }
        return problems
    }

    /// The age-band keys on an indicator of another method.
    func ageBandKeysRefused(_ method: AggregationMethod, _ indicator: IndicatorSpec, _ source: SourceSpec, at: [Key]) -> [PipelineProblem] {
        let why = "only `life-expectancy`, `disability-free-life-expectancy` and `standardised-rate` read counts by age band"
        var problems: [PipelineProblem] = []
        let sourceKeys: [(String, Bool)] = [
            ("age-band", source.ageBand != nil), ("deaths", source.deaths != nil), ("events", source.events != nil),
            ("disabled", source.disabled != nil), ("surveyed", source.surveyed != nil),
        ]
        for (key, present) in sourceKeys where present {
            problems.append(PipelineProblem(path: at + [Key("source"), Key(key)], message: "`\(ReleaseText.text(method))` does not take `\(key):`: \(why)"))
        }
        let indicatorKeys: [(String, Bool)] = [
            ("at-age", indicator.atAge != nil), ("confidence", indicator.confidence != nil),
            ("standard-population", indicator.standardPopulation != nil),
        ]
        for (key, present) in indicatorKeys where present {
            problems.append(PipelineProblem(path: at + [Key(key)], message: "`\(ReleaseText.text(method))` does not take `\(key):`: \(why)"))
        }
        return problems
    }
}
