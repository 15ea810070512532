import AreaNeedsTables

/// An indicator's vintage as a reader would write it. A source read with `period:` records
/// the period it chose as published, often an ISO 8601 date or interval ("2024-09-01/P1Y",
/// "2025-04-30"), which a councillor should not have to decode: those read as "2024/25" or
/// "30 April 2025". Any other vintage ("Census 2021", "IoD 2019", "2024/25") is shown as
/// written.
package enum VintageText {
    package static func readable(_ vintage: String) -> String {
        guard isISO(vintage), let period = Period(vintage),
              let first = CalendarDay(period.startDate), let last = CalendarDay(period.lastDate) else { return vintage }
        if first == last { return "\(first.day) \(monthNames[first.month - 1]) \(first.year)" }
        let wholeMonths = first.day == 1 && last.isLastOfMonth
        let months = (last.year - first.year) * 12 + last.month - first.month + 1
        if wholeMonths, first.month == 1, last.month == 12 {
            return first.year == last.year ? "\(first.year)" : "\(first.year) to \(last.year)"
        }
        if wholeMonths, months == 12 {
            // A year that does not start in January: a financial or academic year.
            return "\(first.year)/\(String(last.year % 100).leftPadded(to: 2))"
        }
        if wholeMonths {
            return "\(monthNames[first.month - 1]) \(first.year) to \(monthNames[last.month - 1]) \(last.year)"
        }
        return "\(first.day) \(monthNames[first.month - 1]) \(first.year) to \(last.day) \(monthNames[last.month - 1]) \(last.year)"
    }

    /// An ISO 8601 date or interval: four digits and a hyphen first.
    private static func isISO(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(5))
        return bytes.count == 5 && bytes[0..<4].allSatisfy { (48...57).contains($0) } && bytes[4] == UInt8(ascii: "-")
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    /// A day of an ISO date, "2024-03-31".
    private struct CalendarDay: Equatable {
        let year: Int, month: Int, day: Int

        init?(_ iso: String) {
            let parts = iso.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            (year, month, day) = (parts[0], parts[1], parts[2])
        }

        var isLastOfMonth: Bool {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return day == lengths[month - 1]
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
