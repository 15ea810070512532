/// A period as statistical tables write it, read as the days it covers, so that the periods
/// of a column compare and sort whatever form they are written in.
///
///     Period("2023-04-01/P1Y")     // ISO 8601 interval: 1 April 2023 to 31 March 2024
///     Period("2023-04-01")         // an ISO date: that day
///     Period("2024")               // a calendar year
///     Period("2024/25")            // a split year (also 2024-25, 2024/2025, 202425): April to March
///     Period("2020-22")            // three calendar years, 2020 to 2022 (also "2020 to 2022")
///     Period("FYE 2025")           // the financial year ending March 2025: April 2024 to March 2025
///     Period("Jan-22")             // a month (also "Jan 2022", "January 2022")
///
/// A split year reads as April to March, the financial year, whether the publisher meant
/// that or the academic year: within one column it orders the same. An ISO month
/// ("2022-01") is not read, as "2011-12" would be both December 2011 and the year 2011/12;
/// two-digit years are read as POSIX reads them: 69 to 99 are 1969 to 1999, 00 to 68 are
/// 2000 to 2068. Letters may be in any case; the text is trimmed of spaces first.
package struct Period: Sendable, Hashable {
    /// The first day, as days since 1 January 1970.
    package let start: Int
    /// The day after the last, as days since 1 January 1970.
    package let end: Int

    /// The period from `start` up to (not including) `end`, both days since 1 January 1970.
    package init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The period `text` writes; nil when it writes none of the forms above.
    package init?(_ text: String) {
        var text = text
        guard let period = text.withUTF8({ Period(bytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = period
    }

    /// The period in a field's bytes; nil when they write none.
    init?(bytes: UnsafeRawBufferPointer) {
        var scanner = PeriodScanner(bytes)
        guard let period = scanner.period() else { return nil }
        self = period
    }

    /// The first day as an ISO date, "2023-04-01".
    package var startDate: String { Period.isoDate(start) }
    /// The last day as an ISO date, "2024-03-31".
    package var lastDate: String { Period.isoDate(end - 1) }
}

extension Period: Comparable {
    /// The earlier start first; of two that start together, the shorter.
    package static func < (a: Period, b: Period) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }
}

extension Period: CustomStringConvertible {
    /// "2023-04-01 to 2024-03-31", or the one day.
    package var description: String {
        end - start == 1 ? startDate : "\(startDate) to \(lastDate)"
    }
}

extension TableRecord {
    /// The period this field writes; nil when it writes none of the forms `Period` reads.
    package func period(_ column: TableColumn) -> Period? {
        Period(bytes: fields.field(column.index))
    }
}

/// Reads a column's periods row after row, remembering the last text read (up to sixteen
/// bytes, held in two words) and its period: a long table repeats a few periods over many
/// rows, so each is parsed once per change of text, not once per row.
package struct PeriodReader: Sendable {
    package let column: TableColumn
    private var head: UInt64 = 0
    private var tail: UInt64 = 0
    private var count = -1
    private var last: Period?

    package init(column: TableColumn) {
        self.column = column
    }

    /// The period the record's field writes; nil when it writes none.
    package mutating func period(of record: TableRecord) -> Period? {
        let bytes = record.fields.field(column.index)
        let length = bytes.count
        guard length <= 16 else { return Period(bytes: bytes) }
        let head = AreaCode.load(bytes, from: 0, count: min(length, 8))
        let tail = length > 8 ? AreaCode.load(bytes, from: 8, count: length - 8) : 0
        if length == count && head == self.head && tail == self.tail { return last }
        (self.head, self.tail, count) = (head, tail, length)
        last = Period(bytes: bytes)
        return last
    }
}

// MARK: - Calendar arithmetic

extension Period {
    /// Days since 1 January 1970 of a date of the proleptic Gregorian calendar (Howard
    /// Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number (Howard Hinnant's `civil_from_days`).
    static func date(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isoDate(_ days: Int) -> String {
        let (year, month, day) = date(days)
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// The period of whole months from the first of `month`.
    static func months(_ count: Int, fromYear year: Int, month: Int) -> Period {
        let total = year * 12 + (month - 1) + count
        return Period(start: days(year: year, month: month, day: 1), end: days(year: total / 12, month: total % 12 + 1, day: 1))
    }
}

/// Reads the forms `Period` documents from a field's bytes, left to right, with no text made.
private struct PeriodScanner {
    private let bytes: UnsafeRawBufferPointer
    private var position: Int
    private var limit: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        position = 0
        limit = bytes.count
        while position < limit, bytes[position] == .space || bytes[position] == .tab { position += 1 }
        while limit > position, bytes[limit - 1] == .space || bytes[limit - 1] == .tab { limit -= 1 }
    }

    mutating func period() -> Period? {
        guard position < limit else { return nil }
        let period: Period?
        if isDigit(at: position) {
            period = startingWithDigits()
        } else if let month = monthName() {
            period = monthAndYear(month)
        } else if word("fye") {
            skipSpaces()
            guard let year = year() else { return nil }
            period = Period.months(12, fromYear: year - 1, month: 4)
        } else {
            return nil
        }
        return position == limit ? period : nil
    }

    // MARK: Forms starting with a year

    private mutating func startingWithDigits() -> Period? {
        let first = position
        let count = digits()
        switch count {
        case 4:
            let year = number(from: first, count: 4)
            return afterYear(year)
        case 6:
            // DfE's "202425": a split year.
            let year = number(from: first, count: 4)
            return splitYear(year, endDigits: number(from: first + 4, count: 2), endCount: 2)
        default:
            return nil
        }
    }

    private mutating func afterYear(_ year: Int) -> Period? {
        guard position < limit else { return Period.months(12, fromYear: year, month: 1) }
        if byte(PeriodScanner.slash) || byte(.minus) || word(" to ") {
            let separator = bytes[position - 1]
            let start = position
            let count = digits()
            // An ISO date: year-month-day.
            if separator == .minus, count == 2, position < limit, bytes[position] == .minus {
                return isoDate(year: year, month: number(from: start, count: 2))
            }
            guard count == 2 || count == 4 else { return nil }
            return splitYear(year, endDigits: number(from: start, count: count), endCount: count)
        }
        return nil
    }

    /// `year` to the year written by its last `endCount` digits: one year on is a split
    /// (April to March) year, more is a span of calendar years.
    private func splitYear(_ year: Int, endDigits: Int, endCount: Int) -> Period? {
        var end = endDigits
        if endCount == 2 {
            end += year - year % 100
            if end < year { end += 100 }
        }
        if end == year + 1 { return Period.months(12, fromYear: year, month: 4) }
        // Spans of a few years ("2020-22") are published; "2023-04" is not one of them.
        guard end > year + 1, end - year < PeriodScanner.longestSpan else { return nil }
        return Period.months(12 * (end - year + 1), fromYear: year, month: 1)
    }

    /// The rest of `YYYY-MM-DD` after `YYYY-MM`, and an interval after it: `/P1Y` or `/YYYY-MM-DD`.
    private mutating func isoDate(year: Int, month: Int) -> Period? {
        guard byte(.minus) else { return nil }
        let start = position
        guard digits() == 2 else { return nil }
        let day = number(from: start, count: 2)
        guard (1...12).contains(month), day >= 1, day <= Period.daysInMonth(year: year, month: month) else { return nil }
        let first = Period.days(year: year, month: month, day: day)
        guard byte(PeriodScanner.slash) else { return Period(start: first, end: first + 1) }
        if byte(UInt8(ascii: "P")) || byte(UInt8(ascii: "p")) {
            return duration(fromYear: year, month: month, day: day)
        }
        // year-month-day/year-month-day, the last day included.
        let endStart = position
        guard digits() == 4, byte(.minus) else { return nil }
        let endYear = number(from: endStart, count: 4)
        let monthStart = position
        guard digits() == 2 else { return nil }
        guard let last = isoDate(year: endYear, month: number(from: monthStart, count: 2)), last.end > first else { return nil }
        return Period(start: first, end: last.end)
    }

    /// An ISO 8601 duration of years, months, weeks and days (`P1Y`, `P3M`, `P1Y6M`, `P2W`).
    private mutating func duration(fromYear year: Int, month: Int, day: Int) -> Period? {
        var (years, months, days) = (0, 0, 0)
        var any = false
        while position < limit {
            let start = position
            let count = digits()
            guard count > 0, count <= 6, position < limit else { return nil }
            let amount = number(from: start, count: count)
            switch bytes[position] | 0x20 {
            case UInt8(ascii: "y"): years += amount
            case UInt8(ascii: "m"): months += amount
            case UInt8(ascii: "w"): days += 7 * amount
            case UInt8(ascii: "d"): days += amount
            default: return nil
            }
            position += 1
            any = true
        }
        guard any else { return nil }
        let total = year * 12 + (month - 1) + years * 12 + months
        let (endYear, endMonth) = (total / 12, total % 12 + 1)
        let endDay = min(day, Period.daysInMonth(year: endYear, month: endMonth))
        let start = Period.days(year: year, month: month, day: day)
        let end = Period.days(year: endYear, month: endMonth, day: endDay) + days
        return end > start ? Period(start: start, end: end) : nil
    }

    // MARK: Months

    private mutating func monthAndYear(_ month: Int) -> Period? {
        guard byte(.minus) || byte(.space) else { return nil }
        skipSpaces()
        guard let year = year() else { return nil }
        return Period.months(1, fromYear: year, month: month)
    }

    /// The most years a span such as "2015-24" may cover.
    private static let longestSpan = 20

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]

    /// A month's name, whole or its first three letters, as 1 to 12.
    private mutating func monthName() -> Int? {
        for (index, name) in PeriodScanner.monthNames.enumerated() {
            if word(name) || word(String(name.prefix(3))) { return index + 1 }
        }
        return nil
    }

    // MARK: Pieces

    /// A year of four digits, or of two read as POSIX reads them.
    private mutating func year() -> Int? {
        let start = position
        switch digits() {
        case 4: return number(from: start, count: 4)
        case 2:
            let year = number(from: start, count: 2)
            return year >= 69 ? 1900 + year : 2000 + year
        default: return nil
        }
    }

    private func isDigit(at index: Int) -> Bool {
        index < limit && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    /// Skips the digits at the position; how many there were.
    private mutating func digits() -> Int {
        let start = position
        while isDigit(at: position) { position += 1 }
        return position - start
    }

    private func number(from start: Int, count: Int) -> Int {
        var value = 0
        for index in start..<(start + count) { value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
        return value
    }

    private static let slash = UInt8(ascii: "/")

    private mutating func byte(_ expected: UInt8) -> Bool {
        guard position < limit, bytes[position] == expected else { return false }
        position += 1
        return true
    }

    /// Skips `text` (lower case ASCII) at the position, in any case, when it is there.
    private mutating func word(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard limit - position >= utf8.count else { return false }
        var index = position
        for letter in utf8 {
            let found = bytes[index]
            guard found == letter || (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z") && found | 0x20 == letter) else { return false }
            index += 1
        }
        // A name is whole: "Mar" must not end inside "Marc".
        if let last = utf8.last, last != .space, index < limit, bytes[index] | 0x20 >= UInt8(ascii: "a"), bytes[index] | 0x20 <= UInt8(ascii: "z") {
            return false
        }
        position = index
        return true
    }

    private mutating func skipSpaces() {
        while position < limit, bytes[position] == .space { position += 1 }
    }
}
