import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsTables

/// The rows of a source by small area and age band, for the age-band methods
/// (`life-expectancy`, `disability-free-life-expectancy`, `standardised-rate`): each row is
/// checked as it is read and staged as it is, one row per small area and band.
///
/// A row that cannot be counted stops the ingest with an input-data error naming the file,
/// the line, the small area and the band: an age band label that is none of the bands, the
/// same band twice for a small area, a count that is missing, not a number or negative,
/// more deaths than population, more people with a disability than people counted. Once the
/// file is read, a small area that lacks a band is an error too. Nothing is staged then, so
/// nothing is published.
struct AgeBandRows {
    /// The columns read, beside the area code.
    struct Columns {
        let band: TableColumn
        let events: TableColumn
        let population: TableColumn
        let disabled: TableColumn?
        let surveyed: TableColumn?
    }

    let columns: Columns
    let scheme: AgeBandScheme
    /// The source file and the unit, for messages.
    let file: String
    let label: String
    /// The pipeline key of the events column: `deaths` or `events`.
    let eventsKey: String
    /// Each label met, and the band it names: a source has a score of labels, repeated on
    /// every row.
    private var bands: [String: Int] = [:]
    /// Each small area's position in order of first appearance, its bands met and the line
    /// of its first row.
    private var positions = CodeMap<Int>()
    private var met: [AgeBandSet] = []
    private var firstLines: [Int] = []
    private var codes: [String] = []

    init(source: SourceSpec, settings: AgeBandSettings, header: TableHeader, file: String, label: String) throws {
        columns = Columns(
            band: try header.column(source.ageBand ?? ""), events: try header.column(source.eventsColumn ?? ""),
            population: try header.column(source.population ?? ""),
            disabled: try source.disabled.map { name throws(TableError) in try header.column(name) },
            surveyed: try source.surveyed.map { name throws(TableError) in try header.column(name) })
        scheme = settings.scheme
        self.file = file
        self.label = label
        eventsKey = source.deaths != nil ? "deaths" : "events"
    }

    /// The columns it reads.
    var columnsRead: [TableColumn] {
        [columns.band, columns.events, columns.population] + [columns.disabled, columns.surveyed].compactMap { $0 }
    }

    /// One checked row: the band's position and its counts.
    struct Row {
        let band: Int
        let events: Double
        let population: Double
        let disabled: Double?
        let surveyed: Double?
    }

    /// Checks a row of small area `code`; returns its band and counts, and whether it is the
    /// area's first row.
    mutating func take(_ record: TableRecord, code: AreaCode) throws -> (row: Row, first: Bool) {
        let text = record.text(columns.band)
        let band: Int
        if let known = bands[text] {
            band = known
        } else {
            do {
                band = try scheme.index(labelled: text)
            } catch {
                throw fail(record, code: code, band: text, "\(error)" + (scheme == .standard ? "; for other bands, give `standard-population:` with them (standardised-rate)" : ""), key: "age-band")
            }
            bands[text] = band
        }
        let bandLabel = scheme.band(band).label
        var first = false
        let position: Int
        if let known = positions[code] {
            position = known
        } else {
            position = met.count
            positions[code] = position
            met.append(AgeBandSet())
            firstLines.append(record.line)
            codes.append(String(describing: code))
            first = true
        }
        guard met[position].insert(band) else {
            throw fail(record, code: code, band: bandLabel, "the age band is given more than once for the small area (its first row is on line \(firstLines[position]))", key: "age-band")
        }
        let events = try count(record, columns.events, eventsKey, code: code, band: bandLabel)
        let population = try count(record, columns.population, "population", code: code, band: bandLabel)
        if events > population {
            throw fail(record, code: code, band: bandLabel, "\(eventsKey) (\(NumberText.format(events))) are more than the population (\(NumberText.format(population)))", key: eventsKey)
        }
        var disabled: Double?, surveyed: Double?
        if let column = columns.disabled { disabled = try count(record, column, "disabled", code: code, band: bandLabel) }
        if let column = columns.surveyed { surveyed = try count(record, column, "surveyed", code: code, band: bandLabel) }
        if let disabled, let surveyed, disabled > surveyed {
            throw fail(record, code: code, band: bandLabel, "disabled (\(NumberText.format(disabled))) are more than surveyed (\(NumberText.format(surveyed)))", key: "disabled")
        }
        return (Row(band: band, events: events, population: population, disabled: disabled, surveyed: surveyed), first)
    }

    /// Throws for the first small area that lacks a band, once the file has been read.
    func checkEveryBand() throws {
        for position in met.indices {
            if let missing = met[position].firstMissing(of: scheme.count) {
                throw AreaNeedsError(.inputData, "\(label): \(file): small area \(codes[position]) (rows from line \(firstLines[position])), age band \(scheme.band(missing).label): the age band is missing; every small area needs one row for each band (\(scheme))")
            }
        }
    }

    /// A count of the row: a finite number of 0 or more.
    private func count(_ record: TableRecord, _ column: TableColumn, _ key: String, code: AreaCode, band: String) throws -> Double {
        let cell: NumericCell
        do {
            cell = try record.number(column)
        } catch {
            throw fail(record, code: code, band: band, "\(key) \"\(SafeText.excerpt(record.text(column), limit: 40))\" in column \"\(column.name)\" is not a number", key: key)
        }
        switch cell {
        case .number(let value):
            guard value.isFinite else {
                throw fail(record, code: code, band: band, "\(key) in column \"\(column.name)\" is not a finite number", key: key)
            }
            guard value >= 0 else {
                throw fail(record, code: code, band: band, "\(key) in column \"\(column.name)\" is negative (\(NumberText.format(value)))", key: key)
            }
            return value
        case .missing(let marker):
            throw fail(record, code: code, band: band, "\(key) in column \"\(column.name)\" is missing (\(marker)); the age-band methods need every count", key: key)
        }
    }

    private func fail(_ record: TableRecord, code: AreaCode, band: String, _ what: String, key: String) -> AreaNeedsError {
        AreaNeedsError(.inputData, "\(label): \(file), line \(record.line): small area \(SafeText.excerpt(String(describing: code), limit: 40)), age band \(SafeText.excerpt(band, limit: 40)): \(what)")
    }
}
