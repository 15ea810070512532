/// One target area's figure, built up one small-area row at a time: the streaming form of
/// `Aggregation.aggregate`, which is this applied to an array. Rows are combined in the
/// order they are added, so both give the same figure to the last bit.
///
/// Only the sums a method needs are kept, not the rows (but for `local-concentration`, which
/// sorts them, and `inherit`): an output-area source of 188,880 rows would otherwise be held
/// whole per indicator while it is normalised.
///
/// A row that lacks a figure the method needs (absent, not finite, or out of range: a
/// negative count or population, a weight outside 0 < w <= 1, a rank outside
/// 1...nationalCount, a decile outside 1...10) is left out and counted in
/// `smallAreasMissing`; it is never read as zero.
///
/// An interval the source publishes with its values (`SmallAreaFigures.publishedInterval`)
/// is carried only to a figure that is a value taken as published: a district or county
/// figure inherited (when every row agrees on it), or the `weighted-mean` or `median` of
/// exactly one small area lying wholly in the area, with no other left out. It is never
/// averaged or made up for a figure combined from several.
package struct AreaAccumulator: Sendable {
    package let method: AggregationMethod
    package let parameters: AggregationParameters
    private let nationalCount: Int
    private var used = 0
    private var missing = 0
    /// Whether a row that contributed is a part of a split small area (weight below 1).
    private var apportioned = false
    /// rate: Σ wᵢ xᵢ; the means: Σ pᵢ wᵢ; share: Σ wᵢ.
    private var total = 0.0
    /// rate: Σ wᵢ nᵢ; the means: Σ (pᵢ wᵢ) × the row's score; share: Σ wᵢ dᵢ.
    private var weighted = 0.0
    /// local-concentration: the rows that contributed.
    private var ranked: [(weight: Double, people: Double, rank: Int, code: String)] = []
    /// inherit: the first value, and whether every value is the same.
    private var inherited: Double?
    private var valuesAgree = true
    /// The interval published with the first row used, and whether every row used had it.
    private var published: WilsonInterval?
    private var publishedAgree = true

    /// - Precondition: `parameters.nationalCount` is set (and positive) for `average-rank`,
    ///   `extent` and `local-concentration`.
    package init(method: AggregationMethod, parameters: AggregationParameters = AggregationParameters()) {
        self.method = method
        self.parameters = parameters
        if method.needsNationalCount(hasDeciles: true) {
            guard let count = parameters.nationalCount, count > 0 else {
                preconditionFailure("\(method.rawValue) needs the national count of small areas (AggregationParameters.nationalCount)")
            }
            nationalCount = count
        } else {
            nationalCount = parameters.nationalCount ?? 0
        }
    }

    /// Adds one small area's row.
    package mutating func add(_ row: SmallAreaFigures) {
        add(row, weight: row.weight)
    }

    /// Adds one small area's row with the lookup weight `weight` in place of its own: the
    /// normalise stage adds each row to every area it maps to, without a copy of the row
    /// for each.
    package mutating func add(_ row: borrowing SmallAreaFigures, weight: Double) {
        // The lookup weight when it is a share, 0 < weight <= 1.
        let share = weight.isFinite && weight > 0 && weight <= 1 ? weight : nil
        switch method {
        case .rate:
            // numerator = Σ wᵢ xᵢ, denominator = Σ wᵢ nᵢ: counts are summed, rates never averaged.
            guard let weight = share, let x = row.count, let n = row.countAtRisk else { return leaveOut() }
            use(weight)
            total += weight * x
            weighted += weight * n
        case .weightedMean, .median:
            // Σ (pᵢ wᵢ) vᵢ and Σ (pᵢ wᵢ).
            guard let weight = share, let value = row.finiteValue, let people = row.people else { return leaveOut() }
            addPeople(people * weight, score: value, weight: weight)
            notePublished(row.publishedInterval)
        case .averageRank:
            // Σ (pᵢ wᵢ)(N + 1 - rᵢ): the reversed national rank, higher is more deprived.
            guard let weight = share, let people = row.people, let rank = row.rank(outOf: nationalCount) else { return leaveOut() }
            addPeople(people * weight, score: Double(nationalCount + 1 - rank), weight: weight)
        case .extent:
            // Σ (pᵢ wᵢ) eᵢ, eᵢ the IoD extent weight of the national percentile.
            guard let weight = share, let people = row.people, let rank = row.rank(outOf: nationalCount) else { return leaveOut() }
            let percentile = Aggregation.nationalPercentile(rank: rank, nationalCount: nationalCount)
            addPeople(people * weight, score: Aggregation.extentWeight(percentile: percentile), weight: weight)
        case .localConcentration:
            guard let weight = share, let people = row.people, let rank = row.rank(outOf: nationalCount) else { return leaveOut() }
            use(weight)
            ranked.append((weight, people, rank, row.code))
        case .shareInMostDeprivedDecile:
            // Σ wᵢ dᵢ and Σ wᵢ, dᵢ = 1 in the most deprived decile: the decile as published,
            // or with only a rank, 10 rᵢ <= N.
            guard let weight = share, let inDecile = mostDeprivedDecile(row) else { return leaveOut() }
            use(weight)
            total += weight
            if inDecile { weighted += weight }
        case .inherit:
            // The district's figure; lookup weights play no part.
            guard let value = row.finiteValue else { return leaveOut() }
            used += 1
            if let inherited { valuesAgree = valuesAgree && value == inherited } else { inherited = value }
            notePublished(row.publishedInterval)
        case .lifeExpectancy, .disabilityFreeLifeExpectancy, .standardisedRate:
            // Counts by age band are combined by `AgeBandAccumulator`, not figure by figure:
            // a row without its band has nothing these methods can use.
            leaveOut()
        }
    }

    /// The area's figure from the rows added so far.
    package var figure: AreaFigure {
        let quality: Quality = apportioned ? .apportioned : .exact
        switch method {
        case .rate:
            // value = numerator / denominator × multiplier (none when the denominator is 0);
            // interval = Wilson(numerator, denominator) × multiplier, for proportions.
            guard used > 0 else {
                return AreaFigure(value: nil, quality: quality, smallAreasUsed: 0, smallAreasMissing: missing)
            }
            let value = weighted > 0 ? total / weighted * parameters.multiplier : nil
            let interval = WilsonInterval(numerator: total, denominator: weighted, confidence: parameters.confidence)
            return AreaFigure(
                value: value, numerator: total, denominator: weighted,
                interval: interval?.scaled(by: parameters.multiplier), quality: quality,
                smallAreasUsed: used, smallAreasMissing: missing)
        case .weightedMean, .median, .averageRank, .extent, .shareInMostDeprivedDecile:
            // value = Σ (pᵢ wᵢ) × score / Σ (pᵢ wᵢ) (for the share, Σ wᵢ dᵢ / Σ wᵢ); none when
            // the total is 0. Medians cannot be combined exactly: the mean of them is flagged.
            let value = total > 0 ? weighted / total : nil
            // One whole small area's value is the value as published, and so is its interval.
            let asPublished = (method == .weightedMean || method == .median) && used == 1 && missing == 0 && !apportioned
            return AreaFigure(
                value: value, interval: asPublished && value != nil ? published : nil,
                quality: method == .median ? .approximate : quality, smallAreasUsed: used, smallAreasMissing: missing)
        case .localConcentration:
            return Aggregation.localConcentration(ranked, nationalCount: nationalCount, quality: quality, missing: missing)
        case .inherit:
            return AreaFigure(value: valuesAgree ? inherited : nil, interval: valuesAgree && publishedAgree ? published : nil,
                              quality: .inherited, smallAreasUsed: used, smallAreasMissing: missing)
        case .lifeExpectancy, .disabilityFreeLifeExpectancy, .standardisedRate:
            return AreaFigure(value: nil, quality: quality, smallAreasUsed: 0, smallAreasMissing: missing)
        }
    }

    /// Keeps the interval published with the row just used.
    private mutating func notePublished(_ interval: WilsonInterval?) {
        if used == 1 {
            published = interval
        } else if interval != published {
            publishedAgree = false
        }
    }

    private mutating func leaveOut() {
        missing += 1
    }

    private mutating func use(_ weight: Double) {
        used += 1
        if weight < 1 { apportioned = true }
    }

    private mutating func addPeople(_ people: Double, score: Double, weight: Double) {
        use(weight)
        total += people
        weighted += people * score
    }

    /// Whether the row's small area is in the most deprived decile: its decile when it has
    /// one, otherwise its rank; nil when it has neither.
    private func mostDeprivedDecile(_ row: SmallAreaFigures) -> Bool? {
        if let decile = row.decile { return decile == 1 }
        guard row.nationalRank != nil else { return nil }
        guard let nationalCount = parameters.nationalCount, nationalCount > 0 else {
            preconditionFailure("share-in-most-deprived-decile needs the national count of small areas to read a rank (AggregationParameters.nationalCount)")
        }
        return row.rank(outOf: nationalCount).map { Aggregation.isInMostDeprivedDecile(rank: $0, nationalCount: nationalCount) }
    }
}
