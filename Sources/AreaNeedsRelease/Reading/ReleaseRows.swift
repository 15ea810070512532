import AreaNeedsGeography
import AreaNeedsMethods
import Foundation

/// The rows of a release's tables as typed values, for the tools that read releases.

/// A row of `areas.csv`.
package struct AreaRow: Sendable, Equatable {
    package var code: String
    package var name: String
    package var districtCode: String
    package var districtName: String
    package var population: Double?
}

/// A row of `objectives.csv`.
package struct ObjectiveRow: Sendable, Equatable {
    package var id: Int
    package var shortName: String
    package var title: String
    package var description: String
}

/// A row of `outcomes.csv`.
package struct OutcomeRow: Sendable, Equatable {
    package var id: Int
    package var objectiveId: Int
    package var outcome: String
    package var corporatePriorities: [String]
}

/// A row of `indicators.csv`.
package struct IndicatorRow: Sendable, Equatable {
    package var id: String
    package var title: String
    package var objectiveId: Int
    package var polarity: Polarity
    package var unit: String
    /// How small-area figures were combined; nil for an indicator with no data.
    package var aggregation: AggregationMethod?
    package var source: String
    /// The geography the source is published at; nil for an indicator with no data.
    package var sourceGeography: GeographyLevel?
    package var vintage: String
    package var available: Bool
    package var unavailableReason: String
    package var notes: String
    package var synthetic: Bool
    /// The framework indicators it stands in for; empty unless it is a stand-in.
    package var standsInFor: [String] = []
    /// For the rank methods: how many small areas the national ranks run over.
    package var nationalCount: Int? = nil
    /// The county's own figure.
    package var countyValue: Double? = nil
    /// Why the figures are not ranked (too few areas, no variation); empty when they are.
    package var notRankedReason: String = ""

    /// True for a stand-in: its figures have quality `proxy`.
    package var isProxy: Bool { !standsInFor.isEmpty }

    /// True when the values are IoD-style reversed national ranks (`average-rank`,
    /// `local-concentration`): higher is more deprived, `nationalCount` the most.
    package var isRankValued: Bool { aggregation?.givesRanks ?? false }

    /// What a rank-valued figure is, for people: "average rank"; nil for other indicators.
    package var rankName: String? {
        switch aggregation {
        case .averageRank: "average rank"
        case .localConcentration: "local concentration rank"
        case .rate, .weightedMean, .extent, .shareInMostDeprivedDecile, .inherit, .median, nil: nil
        case .lifeExpectancy, .disabilityFreeLifeExpectancy, .standardisedRate: nil
        }
    }

    /// A rank-valued figure for people: "average rank 25,726 of 32,844 (higher = more
    /// deprived)"; nil for other indicators.
    package func rankText(_ value: Double) -> String? {
        guard let what = rankName else { return nil }
        let of = nationalCount.map { " of " + FigureText.grouped(String($0)) } ?? ""
        return "\(what) \(FigureText.grouped(String(format: "%.0f", value)))\(of) (higher = more deprived)"
    }
}

/// A row of `indicator_needs.csv`.
package struct IndicatorNeedRow: Sendable, Equatable {
    package var areaCode: String
    package var indicatorId: String
    package var value: Double?
    package var numerator: Double?
    package var denominator: Double?
    package var ciLower: Double?
    package var ciUpper: Double?
    package var needRank: Int?
    package var needQuintile: Int?
    package var highestNeed: Bool?
    /// How closely the figure follows from its sources; nil without a figure.
    package var quality: Quality?
    /// How the figure compares with the county's; nil when not compared.
    package var comparedWithCounty: CountyComparison? = nil
    /// Why the area has no value although its small areas have data (a life expectancy
    /// suppressed for too small a population, say); empty otherwise.
    package var valueMissingReason: String = ""
}

/// A row of `objective_needs.csv`.
package struct ObjectiveNeedRow: Sendable, Equatable {
    package var areaCode: String
    package var objectiveId: Int
    package var indicatorsRanked: Int
    package var indicatorsInWorstTwoFifths: Int
    package var meanNeedRank: Double?
    package var needRank: Int?
    package var needQuintile: Int?
    package var highestNeed: Bool?
}

/// A row of `framework.csv`: one example supplier measure.
package struct MeasureRow: Sendable, Equatable {
    package var objectiveId: Int
    package var outcomeId: Int
    package var measureNumber: Int
    package var outcome: String
    package var exampleMeasure: String
}
