/// Excel's date serial numbers as ISO 8601 text: "2023-04-01", or "2023-04-01T09:30:00"
/// when the serial has a time of day.
///
/// In the 1900 date system (the usual one) serial 1 is 1900-01-01 and Excel counts a
/// 29 February 1900 that never was (serial 60, kept as Excel shows it), so from serial 61
/// on the days count from 1899-12-30. In the 1904 system (old Mac workbooks, the
/// workbook's `date1904` flag) serial 0 is 1904-01-01.
enum ExcelDate {
    /// The text for `serial`; nil outside 1900-01-01 (1904-01-01) to 9999-12-31, where the
    /// number is not a date Excel would show.
    static func text(serial: Double, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= (uses1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        var wholeDays = serial.rounded(.down)
        // Seconds of the day, rounded to the nearest, as Excel shows them.
        var seconds = Int(((serial - wholeDays) * 86_400).rounded())
        if seconds == 86_400 {
            wholeDays += 1
            seconds = 0
        }
        let days = Int(wholeDays)
        let date: String
        if uses1904 {
            date = civilDate(daysSince1970: days + daysFrom1970To1904)
        } else if days == 60 {
            date = "1900-02-29"
        } else {
            date = civilDate(daysSince1970: days + (days < 60 ? daysFrom1970To18991231 : daysFrom1970To18991230))
        }
        guard seconds > 0 else { return date }
        return date + "T" + twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60)
    }

    private static let daysFrom1970To1904 = -24_107
    private static let daysFrom1970To18991230 = -25_569
    private static let daysFrom1970To18991231 = -25_568

    /// The proleptic Gregorian date `days` after 1970-01-01.
    static func civilDate(daysSince1970 days: Int) -> String {
        let (year, month, day) = Period.date(days)
        return String(year) + "-" + twoDigits(month) + "-" + twoDigits(day)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
