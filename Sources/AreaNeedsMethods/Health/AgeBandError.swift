/// A problem with age bands in the input or the configuration. The stage adds where it was
/// found (file, line, area, column or key); the description says what.
package enum AgeBandError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A label that is not an age band ("5 to", "adults").
    case unknownLabel(String)
    /// A readable label that names no band of the scheme ("0-4" where the scheme has 0 and 1-4).
    case labelNotInScheme(String, scheme: String)
    /// The same band given twice where one row was expected (one small area, one band).
    case duplicatedBand(AgeBand)
    /// A band of the scheme with no row.
    case missingBand(AgeBand)
    /// A list of start ages that is no scheme: empty, not rising, negative, or too long.
    case invalidScheme(String)

    package var description: String {
        switch self {
        case .unknownLabel(let label):
            "unknown age band '\(label)': expected a start age (5), a range (5-9, 5 to 9), an open last band (90+) or the first year (0, <1, Under 1)"
        case .labelNotInScheme(let label, let scheme):
            "age band '\(label)' is not one of the bands \(scheme)"
        case .duplicatedBand(let band):
            "age band \(band.label) is given more than once"
        case .missingBand(let band):
            "age band \(band.label) is missing"
        case .invalidScheme(let reason):
            "invalid age bands: \(reason)"
        }
    }
}
