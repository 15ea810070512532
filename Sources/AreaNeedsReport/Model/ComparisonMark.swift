import AreaNeedsMethods

/// How an area's figure compares with the county's own (`indicator_needs.csv`
/// `compared_with_county`): worse, similar or better by its 95% interval and the polarity,
/// or not compared (no interval, or no county figure).
///
/// Each is drawn as its own shape in its own colour from the Okabe-Ito set (vermillion,
/// yellow, blue), which stays distinct for the common colour vision deficiencies; the shape
/// and outline tell them apart without colour, and the words are always written beside.
enum ComparisonMark: String, Sendable, CaseIterable {
    case worse
    case similar
    case better
    case notCompared = ""

    /// The mark of an area's comparison; none is "not compared".
    init(_ comparison: CountyComparison?) {
        switch comparison {
        case .worse?: self = .worse
        case .similar?: self = .similar
        case .better?: self = .better
        case nil: self = .notCompared
        }
    }

    /// The fill of the area's marker.
    var fill: String {
        switch self {
        case .worse: "#D55E00"
        case .similar: "#F0E442"
        case .better: "#0072B2"
        case .notCompared: "#FFFFFF"
        }
    }

    /// The marker's outline: dark for the compared, grey for the not compared.
    var stroke: String { self == .notCompared ? "#6E6E6E" : "#1B1B1B" }

    /// In a sentence about the area: "worse than the county".
    var words: String {
        switch self {
        case .worse: "worse than the county"
        case .similar: "similar to the county"
        case .better: "better than the county"
        case .notCompared: "not compared"
        }
    }

    /// In a table column about the county: "worse".
    var word: String { self == .notCompared ? "not compared" : rawValue }

    /// For the legend, with the shape named so the key reads without colour.
    var legend: String {
        switch self {
        case .worse: "worse than the county (circle)"
        case .similar: "similar to the county (diamond)"
        case .better: "better than the county (square)"
        case .notCompared: "not compared: no interval or no county figure (hollow circle)"
        }
    }
}
