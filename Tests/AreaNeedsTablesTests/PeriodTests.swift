import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Periods as statistical tables write them")
struct PeriodTests {
    /// The first and last day a text stands for.
    static func days(_ text: String) -> (first: String, last: String)? {
        Period(text).map { ($0.startDate, $0.lastDate) }
    }

    @Test(arguments: [
        ("2023-04-01/P1Y", "2023-04-01", "2024-03-31"),
        ("2011-01-01/P3Y", "2011-01-01", "2013-12-31"),
        ("2024-01-01/P3M", "2024-01-01", "2024-03-31"),
        ("2024-01-31/P1M", "2024-01-31", "2024-02-28"),
        ("2023-04-01/P1Y6M", "2023-04-01", "2024-09-30"),
        ("2024-03-04/P2W", "2024-03-04", "2024-03-17"),
        ("2024-03-04/p10d", "2024-03-04", "2024-03-13"),
        ("2023-04-01/2024-03-31", "2023-04-01", "2024-03-31"),
    ])
    func isoIntervals(text: String, first: String, last: String) {
        #expect(Self.days(text)! == (first, last))
    }

    @Test(arguments: [("2025-04-30", "2025-04-30"), ("2024-02-29", "2024-02-29"), ("1999-12-31", "1999-12-31"), (" 2023-04-01 ", "2023-04-01")])
    func isoDatesAreOneDay(text: String, day: String) {
        #expect(Self.days(text)! == (day, day))
    }

    @Test func calendarYears() {
        #expect(Self.days("2024")! == ("2024-01-01", "2024-12-31"))
        #expect(Self.days("1900")! == ("1900-01-01", "1900-12-31"))
    }

    @Test(arguments: ["2024/25", "2024-25", "2024/2025", "2024-2025", "202425", "2024 to 2025", "FYE 2025", "fye2025", "FYE 25"])
    func splitAndFinancialYearsRunAprilToMarch(text: String) {
        #expect(Self.days(text)! == ("2024-04-01", "2025-03-31"))
    }

    @Test func aSplitYearAcrossACentury() {
        #expect(Self.days("1999/00")! == ("1999-04-01", "2000-03-31"))
    }

    @Test(arguments: [("2020-22", "2020-01-01", "2022-12-31"), ("2020 to 2022", "2020-01-01", "2022-12-31"), ("2015/2024", "2015-01-01", "2024-12-31")])
    func spansOfCalendarYears(text: String, first: String, last: String) {
        #expect(Self.days(text)! == (first, last))
    }

    @Test(arguments: [
        ("Jan-22", "2022-01-01", "2022-01-31"), ("Feb-24", "2024-02-01", "2024-02-29"), ("Dec-99", "1999-12-01", "1999-12-31"),
        ("Jan-00", "2000-01-01", "2000-01-31"), ("Mar 2025", "2025-03-01", "2025-03-31"), ("September 2023", "2023-09-01", "2023-09-30"),
        ("JUNE-2021", "2021-06-01", "2021-06-30"), ("may 24", "2024-05-01", "2024-05-31"),
    ])
    func months(text: String, first: String, last: String) {
        #expect(Self.days(text)! == (first, last))
    }

    @Test(arguments: [
        "", "latest", "2023-04", "2011-12-32", "2023-02-29", "2023-13-01", "2023-04-01/P", "2023-04-01/P1H", "2023-04-01/2023-03-01",
        "2024/23", "2024-24", "2023-04/P1Y", "123", "20245", "Janu-22", "Jan", "Jan-2", "Marc 2022", "FYE", "2024 Q1", "2024-25x",
        "12/2024", "2023-04-01T00:00",
    ])
    func rejectsWhatIsNotAPeriod(text: String) {
        #expect(Period(text) == nil, "\(text)")
    }

    @Test func periodsOrderByStartThenLength() {
        let texts = ["Jan-22", "2021/22", "2022", "2021-01-01/P3Y", "FYE 2021", "2021"]
        let sorted = texts.sorted { Period($0)! < Period($1)! }
        // FYE 2021 starts in April 2020; of two periods that start together, the shorter first.
        #expect(sorted == ["FYE 2021", "2021", "2021-01-01/P3Y", "2021/22", "Jan-22", "2022"])
        #expect(Period("2023-04-01/P1Y") == Period("2023/24"))
        #expect(Period("2024-04-01/P1Y")! > Period("2023-04-01/P1Y")!)
    }

    @Test func calendarArithmeticRoundTrips() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let (year, month, date) = Period.date(day)
            #expect(Period.days(year: year, month: month, day: date) == day)
        }
        #expect(Period.days(year: 1970, month: 1, day: 1) == 0)
        #expect(Period.days(year: 2000, month: 3, day: 1) == 11_017)
    }

    @Test func describedByItsDays() {
        #expect(Period("2023/24")!.description == "2023-04-01 to 2024-03-31")
        #expect(Period("2025-04-30")!.description == "2025-04-30")
    }

    @Test func aFieldIsReadAsAPeriodWithNoTextMade() throws {
        let folder = TemporaryFolder()
        let path = folder.file("long.csv", "code,period,value\nA,2023-04-01/P1Y,1\nB,not yet,2\n")
        let reader = try TableReader(path: path)
        let column = try reader.header.column("period")
        var periods: [Period?] = []
        try reader.forEachRecord { periods.append($0.period(column)) }
        #expect(periods == [Period("2023/24"), nil])
    }

    @Test func aWideHeadersLatestPeriodColumn() throws {
        let folder = TemporaryFolder()
        let path = folder.file("wide.csv", "area,mnemonic,Jan-00,Jan-01,Jan-22,Jan-21,notes\nBurnley,E07000117,1,2,3,4,\n")
        let reader = try TableReader(path: path)
        let latest = try reader.header.latestPeriodColumn()
        #expect(latest.column == TableColumn(index: 4, name: "Jan-22"))
        #expect(latest.period == Period("Jan-22"))

        let plain = try TableReader(path: folder.file("plain.csv", "area,value\nA,1\n"))
        let error = tableError { _ = try plain.header.latestPeriodColumn() }
        #expect(error?.kind == .noPeriodColumn(available: ["area", "value"]))
        #expect(error?.description.contains("no column is named as a period (such as Jan-22, 2024 or 2024/25); the header has \"area\", \"value\"") == true)
    }
    @Test func aReaderOfAColumnReadsEachRowsPeriod() throws {
        let folder = TemporaryFolder()
        let long = "2023-04-01/P1Y and a text longer than sixteen bytes"
        let path = folder.file("runs.csv", """
            code,period
            A,2023/24
            B,2023/24
            C,2024/25
            D,not a period
            E,2024/25
            F,"\(long)"
            G,"\(long)"
            H,2024

            """)
        let reader = try TableReader(path: path)
        var periods = PeriodReader(column: try reader.header.column("period"))
        var read: [Period?] = []
        var direct: [Period?] = []
        try reader.forEachRecord {
            read.append(periods.period(of: $0))
            direct.append($0.period(periods.column))
        }
        #expect(read == direct)
        #expect(read == [Period("2023/24"), Period("2023/24"), Period("2024/25"), nil, Period("2024/25"), nil, nil, Period("2024")])
    }
}
