import AreaNeedsTables
import Foundation

/// A small, complete project in a temporary folder: six areas in two districts, eighteen
/// LSOAs, a ward split between areas, sources for a rate, a weighted mean and a district
/// figure, and a pipeline file over them. Tests change its files and run it.
package final class FixtureProject {
    package let root: String
    package var pipelinePath: String { root + "/pipelines/test.yml" }
    /// `data-out/test`: the pipeline's releases.
    package var releases: String { root + "/data-out/test" }

    /// The repository, for the framework file and the executables.
    package static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    package init() {
        root = NSTemporaryDirectory() + "areaneeds-fixture-" + UUID().uuidString
        for folder in ["pipelines", "data-raw/geography", "data-raw/sources"] {
            try! FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        write("data-raw/geography/areas.csv", FixtureProject.areas)
        write("data-raw/geography/lsoa11.csv", FixtureProject.lsoaLookup)
        write("data-raw/geography/ward.csv", FixtureProject.wardLookup)
        write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty())
        write("data-raw/sources/scores.csv", FixtureProject.scores())
        write("data-raw/sources/pay.csv", FixtureProject.pay)
        write("data-raw/sources/care.csv", FixtureProject.wardCare)
        write("pipelines/test.yml", FixtureProject.pipeline)
    }

    /// Set AREANEEDS_KEEP_FIXTURES=1 to keep the folders for a look after the tests.
    deinit {
        if ProcessInfo.processInfo.environment["AREANEEDS_KEEP_FIXTURES"] == nil {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    package func write(_ relative: String, _ text: String) {
        write(relative, bytes: Array(text.utf8))
    }

    package func write(_ relative: String, bytes: [UInt8]) {
        let path = root + "/" + relative
        try? FileManager.default.removeItem(atPath: path)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    package func read(_ relative: String) -> String {
        (try? String(contentsOfFile: root + "/" + relative, encoding: .utf8)) ?? ""
    }

    /// Rows of a CSV file as dictionaries, read as the product reads CSV; none when the
    /// file cannot be read.
    package func table(_ relative: String) -> [[String: String]] {
        guard let reader = try? TableReader(path: root + "/" + relative, options: ReadOptions(header: .line(1))),
              let rows = try? reader.readAll() else { return [] }
        let header = reader.header.names
        return rows.map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
    }

    /// The bytes of a file; empty when it does not exist.
    package func bytes(_ relative: String) -> [UInt8] {
        (FileManager.default.contents(atPath: root + "/" + relative)).map(Array.init) ?? []
    }

    /// Rows of a staged table (ingest's `.staged` files) as dictionaries of their CSV text;
    /// empty when it does not exist.
    package func stagedTable(_ relative: String) -> [[String: String]] {
        guard let reader = try? StagedTableReader(path: root + "/" + relative), let rows = try? reader.texts() else { return [] }
        return rows.map { Dictionary(uniqueKeysWithValues: zip(reader.columns.map(\.name), $0)) }
    }

    /// The names in a folder, sorted; empty when it does not exist.
    package func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []).sorted()
    }

    // MARK: - Content

    package static let areas = """
        spa_code,spa_name,district_code,district_name,population
        A1,North One,D1,Dale,3000
        A2,North Two,D1,Dale,3000
        A3,North Three,D1,Dale,3000
        A4,South One,D2,Vale,3000
        A5,South Two,D2,Vale,3000
        A6,South Three,D2,Vale,3000

        """

    /// LSOA L<a><n>: area A<a>, n = 1...3.
    package static let lsoaLookup: String = {
        var text = "lsoa11_code,lsoa11_name,spa_code\n"
        for area in 1...6 {
            for n in 1...3 { text += "L\(area)\(n),Small \(area)\(n),A\(area)\n" }
        }
        return text
    }()

    /// W1 lies half in A1, half in A2; W2 wholly in A3..., one ward per remaining area.
    package static let wardLookup = """
        ward_code,ward_name,spa_code,weight
        W1,Split Ward,A1,0.5
        W1,Split Ward,A2,0.5
        W3,Ward Three,A3,1
        W4,Ward Four,A4,1
        W5,Ward Five,A5,1
        W6,Ward Six,A6,1

        """

    /// Fuel poverty: area a has (10 a)% fuel poor in each of its LSOAs (with `changing`,
    /// that area has 10 (7 - a)% instead); with a title row, a thousands separator and
    /// notes, as published.
    package static func fuelPoverty(changing area: Int? = nil) -> String {
        fuelPoverty(percent: (1...6).map { a in 10 * (area == a ? 7 - a : a) })
    }

    /// Fuel poverty with `percent[a - 1]`% fuel poor in each LSOA of area a (whole numbers).
    package static func fuelPoverty(percent: [Int]) -> String {
        precondition(percent.count == 6, "one percentage per area")
        var text = "\"Table 3: Fuel poverty, made up for tests\"\n\nLSOA Code,Households,Fuel poor\n"
        for a in 1...6 {
            for n in 1...3 {
                let households = 1000
                let poor = percent[a - 1] * households / 100
                text += "L\(a)\(n),\"1,000\",\(poor)\n"
            }
        }
        return text + "\nNote A: made up.\n"
    }

    /// The fuel poverty table as a workbook's sheet "Table 3", cell for cell as
    /// `fuelPoverty()`: a title, the header on row 3, numbers as numbers, a note below.
    /// `replacing` puts other cells at (row, column), 1-based, as a broken input does.
    package static func fuelPovertyWorkbook(replacing cells: [(row: Int, column: Int, cell: WorkbookCell)] = []) -> WorkbookFile {
        var rows: [[WorkbookCell?]] = [[.text("Table 3: Fuel poverty, made up for tests")], [], [.text("LSOA Code"), .text("Households"), .text("Fuel poor")]]
        for a in 1...6 {
            for n in 1...3 { rows.append([.text("L\(a)\(n)"), .number("1000"), .number(String(10 * a * 10))]) }
        }
        rows += [[], [.text("Note A: made up.")]]
        for (row, column, cell) in cells {
            while rows[row - 1].count < column { rows[row - 1].append(nil) }
            rows[row - 1][column - 1] = cell
        }
        return WorkbookFile(sheets: [WorkbookFile.Sheet("Table 3", rows: rows)])
    }

    /// Scores: higher in the south; one suppressed cell.
    package static func scores() -> String {
        var text = "LSOA code,Score,Population\n"
        for a in 1...6 {
            for n in 1...3 {
                let score = a == 2 && n == 2 ? ".." : String(Double(a) + Double(n) / 10)
                text += "L\(a)\(n),\(score),1500\n"
            }
        }
        return text
    }

    package static let pay = """
        District code,District name,Median pay
        D1,Dale,"£30,000"
        D2,Vale,"£25,000"
        ,England,"£31,000"

        """

    package static let wardCare = """
        Ward code,Carers,Residents
        W1,40,1000
        W3,30,1000
        W4,20,1000
        W5,10,1000
        W6,60,1000

        """

    package static var pipeline: String {
        """
        pipeline: test
        title: Fixture pipeline
        framework: \(repository)/data-raw/framework/social-value-framework.yml
        release:
          label: test
        geography:
          areas:
            file: ../data-raw/geography/areas.csv
          lookups:
            - geography: lsoa11
              file: ../data-raw/geography/lsoa11.csv
            - geography: ward
              file: ../data-raw/geography/ward.csv
        indicators:
          - id: fuel-poverty
            title: Households in fuel poverty
            objective: 5
            polarity: higher-is-worse
            unit: "%"
            vintage: "2020"
            aggregation: rate
            scale: 100
            source:
              file: ../data-raw/sources/fuel.csv
              geography: lsoa11
              area-code: LSOA Code
              numerator: Fuel poor
              denominator: Households
          - id: barriers
            title: Barriers score
            objective: 3
            polarity: higher-is-worse
            unit: score
            vintage: IoD 2019
            aggregation: weighted-mean
            source:
              file: ../data-raw/sources/scores.csv
              geography: lsoa11
              area-code: LSOA code
              value: Score
              population: Population
          - id: pay
            title: Median pay
            objective: 2
            polarity: higher-is-better
            unit: "£"
            vintage: "2025"
            aggregation: inherit
            source:
              file: ../data-raw/sources/pay.csv
              geography: district
              area-code: District code
              value: Median pay
          - id: carers
            title: Carers
            objective: 3
            polarity: higher-is-worse
            unit: "%"
            vintage: "2021"
            aggregation: rate
            scale: 100
            source:
              file: ../data-raw/sources/care.csv
              geography: ward
              area-code: Ward code
              numerator: Carers
              denominator: Residents
          - id: wellbeing
            title: Wellbeing
            objective: 3
            polarity: higher-is-better
            unit: score
            vintage: "2024"
            unavailable: No source this year

        """
    }
}
