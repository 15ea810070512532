import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsTables

/// The figures of an indicator computed by an age-band method (`life-expectancy`,
/// `disability-free-life-expectancy`, `standardised-rate`): each small area's counts by band
/// (checked at ingest: every band once, no count negative or missing, no more deaths than
/// population) summed into each of its areas by lookup weight (`AgeBandAccumulator`), then
/// the method per area; and the county's figure, from the counts of every small area of the
/// release pooled (each small area once, by the share of it that lies in the release's areas).
struct AgeBandFigures {
    /// Each area's figure, by position in `geography.areas`; nil for an area no row reached.
    var areas: [HealthFigure?]
    /// How many small areas reached each area.
    var smallAreas: [Int]
    /// The county's figure, from every small area's counts pooled; nil when no row was used.
    var county: HealthFigure?
    /// Codes the lookup does not know, rows outside the areas, rows in scope.
    var unknown = CheckFindings(.unknownSmallArea)
    var outside = 0
    var inScope = 0

    /// Reads the ingested rows of `source` and computes every area's figure.
    static func compute(
        _ settings: AgeBandSettings, source: SourceSpec, geography: Geography, county: String?, context: String,
        forEachRow: ((IngestedRow) throws -> Void) throws -> Void
    ) throws -> AgeBandFigures {
        let scheme = settings.scheme
        // The band of each start age, as the ingest stage staged it.
        var bandOfAge = Array(repeating: -1, count: (scheme.startAges.last ?? 0) + 1)
        for (band, start) in scheme.startAges.enumerated() { bandOfAge[start] = band }
        let prevalence = settings.method == .disabilityFreeLifeExpectancy
        var accumulators = Array(repeating: AgeBandAccumulator(scheme: scheme), count: geography.areas.count)
        var pooled = AgeBandAccumulator(scheme: scheme)
        var smallAreas = Array(repeating: 0, count: geography.areas.count)
        var used = false
        var figures = AgeBandFigures(areas: [], smallAreas: [])
        let scope = SourceScope(geography: geography, source: source, county: county)
        var finder = geography.shareFinder(at: source.geography)
        try forEachRow { row in
            guard scope.contains(row) else {
                figures.outside += 1
                return
            }
            figures.inScope += 1
            guard let start = row.ageBand, start >= 0, start < Double(bandOfAge.count), bandOfAge[Int(start)] >= 0,
                  let events = row.events, let population = row.population else {
                throw AreaNeedsError(.internal, "\(context), line \(row.line): the staged row has no age band or counts; run the ingest stage again")
            }
            let band = bandOfAge[Int(start)]
            let disabled = row.disabled, surveyed = row.surveyed
            var share = 0.0
            var failure: AgeBandRowError?
            let known = finder.forEachShare(of: row.code, name: row.hasName ? row.name : nil) { area, weight in
                share += weight
                do throws(AgeBandRowError) {
                    try accumulators[area].add(band: band, events: events, population: population, weight: weight)
                    if prevalence, let disabled, let surveyed {
                        try accumulators[area].addPrevalence(band: band, disabled: disabled, surveyed: surveyed, weight: weight)
                    }
                } catch {
                    failure = error
                }
                if band == 0 { smallAreas[area] += 1 }
            }
            if let failure {
                throw AreaNeedsError(.inputData, "\(context), line \(row.line): small area \(row.code.text), age band \(scheme.band(band).label): \(failure)")
            }
            guard known else {
                figures.unknown.add("\(row.code) (line \(row.line))")
                return
            }
            guard share > 0 else { return }
            let weight = min(share, 1)
            try pooled.add(band: band, events: events, population: population, weight: weight)
            if prevalence, let disabled, let surveyed {
                try pooled.addPrevalence(band: band, disabled: disabled, surveyed: surveyed, weight: weight)
            }
            used = true
        }
        figures.areas = accumulators.map { counts in
            counts.countedBands.count == 0 ? nil : figure(counts, settings)
        }
        figures.smallAreas = smallAreas
        figures.county = used ? figure(pooled, settings) : nil
        return figures
    }

    /// Why an area has no figure, as the release says it: "suppressed: total population 4,000
    /// is 5,000 or less".
    static func reason(_ suppression: HealthSuppression) -> String {
        "suppressed: " + suppression.description
    }

    /// The method's figure for an area's counts.
    static func figure(_ counts: AgeBandAccumulator, _ settings: AgeBandSettings) -> HealthFigure {
        switch settings.method {
        case .lifeExpectancy:
            LifeExpectancy.figure(counts, atBand: settings.atBand, confidence: settings.confidence)
        case .disabilityFreeLifeExpectancy:
            DisabilityFreeLifeExpectancy.figure(counts, atBand: settings.atBand, confidence: settings.confidence)
        case .standardisedRate:
            StandardisedRate.figure(counts, standard: settings.standard!, multiplier: settings.multiplier, confidence: settings.confidence)
        case .rate, .weightedMean, .averageRank, .extent, .localConcentration, .shareInMostDeprivedDecile, .inherit, .median:
            preconditionFailure("\(settings.method.rawValue) does not read age bands")
        }
    }
}
