import AreaNeedsMethods
import AreaNeedsTables
import Foundation

/// What an indicator computed by an age-band method (`life-expectancy`,
/// `disability-free-life-expectancy`, `standardised-rate`) needs besides its rows: the age
/// bands its rows must give, the band its expectancy is at, the confidence of its interval
/// and, for a standardised rate, the standard population.
///
/// The bands are the 20 standard ones (0, 1-4, 5-9, ..., 85-89, 90+) unless the indicator
/// names a `standard-population:` file, whose bands they then are. Made when the pipeline
/// file is loaded (a problem is a configuration error naming the key) and again by the
/// stages that read the rows.
package struct AgeBandSettings: Sendable, Hashable {
    /// The method, one of those that read age bands.
    package let method: AggregationMethod
    /// The bands every small area's rows must give, each once.
    package let scheme: AgeBandScheme
    /// The position of the band whose start age is `at-age:` (0 at birth).
    package let atBand: Int
    /// The confidence level of the interval, 0 < confidence < 1.
    package let confidence: Double
    /// For `standardised-rate`: the standard population in the bands of `scheme`.
    package let standard: StandardPopulation?
    /// What a standardised rate is multiplied by (`scale:`, 100,000 when not given).
    package let multiplier: Double

    /// The default confidence level.
    package static let defaultConfidence = 0.95
    /// The default multiplier of a standardised rate: a rate per 100,000.
    package static let defaultMultiplier = 100_000.0

    /// A problem with the settings, at a key of the indicator ("at-age", "standard-population").
    package struct Problem: Error, Sendable {
        package var key: String
        package var message: String
    }

    /// The settings of an indicator whose method reads age bands; nil for other methods.
    /// `resolve` makes a path of the pipeline file absolute.
    package init?(_ indicator: IndicatorSpec, resolve: (String) -> String) throws(Problem) {
        guard let method = indicator.aggregation, method.readsAgeBands else { return nil }
        self.method = method
        var scheme = AgeBandScheme.standard
        var standard: StandardPopulation?
        if let file = indicator.standardPopulation {
            guard method == .standardisedRate else {
                throw Problem(key: "standard-population", message: "only `standardised-rate` standardises to a population; `\(method.rawValue)` does not take `standard-population:`")
            }
            let read = try Self.readStandardPopulation(resolve(file))
            scheme = read.scheme
            standard = read
        } else if method == .standardisedRate {
            standard = StandardPopulation.esp2013(for: scheme)
        }
        self.scheme = scheme
        self.standard = standard
        let age = indicator.atAge ?? 0
        if indicator.atAge != nil && method == .standardisedRate {
            throw Problem(key: "at-age", message: "`at-age:` is the age a life expectancy is at; `standardised-rate` does not take it")
        }
        guard let band = scheme.index(startingAt: age) else {
            throw Problem(key: "at-age", message: "a start age of one of the age bands (\(scheme.startAges.map(String.init).joined(separator: ", "))), not \(age)")
        }
        atBand = band
        let confidence = indicator.confidence ?? Self.defaultConfidence
        guard confidence.isFinite, confidence > 0, confidence < 1 else {
            throw Problem(key: "confidence", message: "a level between 0 and 1 (0.95 for a 95% interval, 0.998 for 99.8%), not \(PipelineValidation.text(confidence))")
        }
        self.confidence = confidence
        if indicator.scale != nil && method != .standardisedRate {
            throw Problem(key: "scale", message: "`\(method.rawValue)` gives years; only `standardised-rate` takes `scale:` (100000 for a rate per 100,000)")
        }
        multiplier = indicator.scale ?? Self.defaultMultiplier
    }

    /// The largest standard population file read.
    static let maximumStandardPopulationBytes = 64 * 1024

    /// Reads a standard population: a CSV (or workbook) table whose first column holds the
    /// age bands, youngest first (labels such as `0`, `1-4`, `90+`, or start ages), and whose
    /// second holds the people in each, with a header row above them.
    static func readStandardPopulation(_ path: String) throws(Problem) -> StandardPopulation {
        // A table of a few dozen bands: anything but a small regular file is refused unread
        // (a device or a pipe would never end).
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            throw Problem(key: "standard-population", message: "\(path): no such file (the standard population, a CSV of age bands and people)")
        }
        if let size = attributes[.size] as? NSNumber, size.intValue > maximumStandardPopulationBytes {
            throw Problem(key: "standard-population", message: "\(path): \(size.intValue) bytes, larger than a standard population of age bands can be (at most \(maximumStandardPopulationBytes))")
        }
        var starts: [Int] = []
        var labels: [AgeBandLabel] = []
        var people: [Double] = []
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            guard reader.header.names.count >= 2 else {
                throw Problem(key: "standard-population", message: "\(path): needs two columns, the age bands and the people in each; it has \(reader.header.names.count)")
            }
            let band = TableColumn(index: 0, name: reader.header.names[0])
            let count = TableColumn(index: 1, name: reader.header.names[1])
            try reader.forEachRecord { record in
                let text = record.text(band)
                if text.isEmpty { return }
                guard let label = AgeBandLabel(text) else {
                    throw Problem(key: "standard-population", message: "\(path), line \(record.line): \(AgeBandError.unknownLabel(text))")
                }
                guard let number = try record.number(count).number else {
                    throw Problem(key: "standard-population", message: "\(path), line \(record.line): age band \(text) has no number of people")
                }
                labels.append(label)
                starts.append(label.start)
                people.append(number)
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(key: "standard-population", message: "\(error)")
        }
        let scheme: AgeBandScheme
        do {
            scheme = try AgeBandScheme(startAges: starts)
        } catch {
            throw Problem(key: "standard-population", message: "\(path): \(error)")
        }
        for (position, label) in labels.enumerated() where scheme.index(of: label) != position {
            throw Problem(key: "standard-population", message: "\(path): the age band on its row \(position + 1) does not fit the bands \(scheme) (each band ends where the next begins, the last one open, 90+)")
        }
        do {
            return try StandardPopulation(scheme: scheme, weights: people)
        } catch {
            throw Problem(key: "standard-population", message: "\(path): \(error)")
        }
    }
}
