import AreaNeedsGeography
import AreaNeedsMethods
import Foundation

/// The rows of a release's tables as typed values, for the tools that read releases.

/// A row of `areas.csv`.
public struct AreaRow: Sendable, Equatable {
    public var code: String
    public var name: String
    public var districtCode: String
    public var districtName: String
    public var population: Double?
}

/// A row of `objectives.csv`.
public struct ObjectiveRow: Sendable, Equatable {
    public var id: Int
    public var shortName: String
    public var title: String
    public var description: String
}

/// A row of `outcomes.csv`.
public struct OutcomeRow: Sendable, Equatable {
    public var id: Int
    public var objectiveId: Int
    public var outcome: String
    public var corporatePriorities: [String]
}

/// A row of `indicators.csv`.
public struct IndicatorRow: Sendable, Equatable {
    public var id: String
    public var title: String
    public var objectiveId: Int
    public var polarity: Polarity
    public var unit: String
    /// How small-area figures were combined; nil for an indicator with no data.
    public var aggregation: AggregationMethod?
    public var source: String
    /// The geography the source is published at; nil for an indicator with no data.
    public var sourceGeography: GeographyLevel?
    public var vintage: String
    public var available: Bool
    public var unavailableReason: String
    public var notes: String
    public var synthetic: Bool
    /// The framework indicators it stands in for; empty unless it is a stand-in.
    public var standsInFor: [String] = []
    /// For the rank methods: how many small areas the national ranks run over.
    public var nationalCount: Int? = nil
    /// The county's own figure.
    public var countyValue: Double? = nil
    /// Why the figures are not ranked (too few areas, no variation); empty when they are.
    public var notRankedReason: String = ""

    /// True for a stand-in: its figures have quality `proxy`.
    public var isProxy: Bool { !standsInFor.isEmpty }

    /// True when the values are IoD-style reversed national ranks (`average-rank`,
    /// `local-concentration`): higher is more deprived, `nationalCount` the most.
    public var isRankValued: Bool { aggregation?.givesRanks ?? false }

    /// A rank-valued figure for people: "average rank 25,726 of 32,844 (higher = more
    /// deprived)"; nil for other indicators.
    public func rankText(_ value: Double) -> String? {
        let what: String
        switch aggregation {
        case .averageRank: what = "average rank"
        case .localConcentration: what = "local concentration rank"
        case .rate, .weightedMean, .extent, .shareInMostDeprivedDecile, .inherit, .median, nil: return nil
        }
        let of = nationalCount.map { " of " + FigureText.grouped(String($0)) } ?? ""
        return "\(what) \(FigureText.grouped(String(format: "%.0f", value)))\(of) (higher = more deprived)"
    }
}

/// A row of `indicator_needs.csv`.
public struct IndicatorNeedRow: Sendable, Equatable {
    public var areaCode: String
    public var indicatorId: String
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var ciLower: Double?
    public var ciUpper: Double?
    public var needRank: Int?
    public var needQuintile: Int?
    public var highestNeed: Bool?
    /// How closely the figure follows from its sources; nil without a figure.
    public var quality: Quality?
    /// How the figure compares with the county's; nil when not compared.
    public var comparedWithCounty: CountyComparison? = nil
}

/// A row of `objective_needs.csv`.
public struct ObjectiveNeedRow: Sendable, Equatable {
    public var areaCode: String
    public var objectiveId: Int
    public var indicatorsRanked: Int
    public var indicatorsInWorstTwoFifths: Int
    public var meanNeedRank: Double?
    public var needRank: Int?
    public var needQuintile: Int?
    public var highestNeed: Bool?
}

/// A row of `framework.csv`: one example supplier measure.
public struct MeasureRow: Sendable, Equatable {
    public var objectiveId: Int
    public var outcomeId: Int
    public var measureNumber: Int
    public var outcome: String
    public var exampleMeasure: String
}
