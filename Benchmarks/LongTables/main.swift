// The long-table benchmark: a national long table as Explore Local Statistics publishes
// them (every LSOA of England and Wales, four indicators, ten years: 1,426,880 rows, about
// 100 MB), ingested as a plain source and with the keys that read long tables, to compare
// what the row filters, the period choice and sums cost over the plain read of the same file.
//
//     areaneeds-bench-long-tables generate FOLDER     writes long-lsoa.csv
//     areaneeds-bench-long-tables run FOLDER [RUNS [WAY...]]   ingests each way (or those named)
//                                                     RUNS times (default 5) and prints the
//                                                     least processor time (each way's
//                                                     pipeline file is written beside the data)
//
// The plain read stages each LSOA's first row and counts the others as duplicates
// (`duplicate-area: warning`); the others stage one row per LSOA too. A way that reads the
// interval columns is compared with the plain read of them ("plain+ci", marked *): reading
// more columns is not what is measured. `scripts/bench` runs it.
// Timings are printed, never asserted.
import AreaNeedsCore
import AreaNeedsIngest
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Logging

let lsoas = 35_672  // LSOAs of England and Wales, Census 2021
let indicators = ["Claimant Count", "Children in relative poverty before housing costs",
                  "Children in relative poverty after housing costs", "Gross median weekly pay"]
let years = Array(2015...2024)

/// The ways the file is read: a name, and the source's keys below `area-code`.
let ways: [(name: String, keys: String)] = [
    ("plain", "value: observation"),
    ("where", "where: {indicator: Children in relative poverty after housing costs}\n      value: observation"),
    ("period", "period: {column: period}\n      value: observation"),
    ("where+period", "where: {indicator: Children in relative poverty after housing costs}\n      period: {column: period}\n      value: observation"),
    ("plain+ci", "value: observation\n      ci-lower: lci_95\n      ci-upper: uci_95"),
    ("where+period+ci", "where: {indicator: Children in relative poverty after housing costs}\n      period: {column: period}\n      value: observation\n      ci-lower: lci_95\n      ci-upper: uci_95"),
    ("sum+period", "period: {column: period}\n      value: {column: observation, where: {indicator: [Children in relative poverty before housing costs, Children in relative poverty after housing costs]}}"),
]

func pipeline(_ way: (name: String, keys: String)) -> String {
    """
    pipeline: long-\(way.name.replacingOccurrences(of: "+", with: "-"))
    title: Long table benchmark
    output: data-out
    release: {label: benchmark}
    geography:
      areas: {file: areas.csv}
    checks: {duplicate-area: warning, area-changes: warning}
    limits: {max-decompressed-bytes: 8 GiB}
    indicators:
      - id: figure
        title: A figure
        objective: 2
        polarity: higher-is-worse
        unit: "%"
        vintage: benchmark
        aggregation: inherit
        source:
          file: long-lsoa.csv
          geography: district
          area-code: areacd
          \(way.keys)

    """
}

func generate(folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let writer = try TableWriter(path: folder + "/long-lsoa.csv",
                                 columns: ["areacd", "areanm", "geography", "indicator", "period", "observation", "measure", "unit", "lci_95", "uci_95"],
                                 durable: false)
    var random = SeededGenerator(seed: 2025)
    // By year, then area, then indicator, as the publisher sorts them: each area's latest
    // year comes last, so every area's period is replaced nine times.
    for year in years {
        for lsoa in 0..<lsoas {
            let code = String(format: "E01%06d", lsoa)
            for indicator in indicators {
                let value = Double(random.next() % 100_000) / 1000
                try writer.write([code, "Area \(lsoa)", "LSOA", indicator, "\(year)-04-01/P1Y", NumberText.format(value), "Percentage", "%",
                                  NumberText.format(value - 1.5), NumberText.format(value + 1.5)])
            }
        }
    }
    try writer.finish()
    print("wrote \(folder)/long-lsoa.csv")
}

func run(folder: String, runs: Int, only: [String]) throws {
    let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
    let chosen = ways.filter { only.isEmpty || only.contains($0.name) }
    var pipelines: [Pipeline] = []
    var reports: [StageReport] = []
    for way in chosen {
        try pipeline(way).write(toFile: "\(folder)/long-\(way.name).yml", atomically: true, encoding: .utf8)
        let pipeline = try Pipeline.load(path: "\(folder)/long-\(way.name).yml")
        pipelines.append(pipeline)
        // Once untimed: the first ingest of a pipeline makes its staging folder and reads
        // the file into the page cache.
        reports.append(try IngestStage(pipeline: pipeline, logger: logger).run(force: true))
    }
    // The ways take turns, so that a machine that slows down or speeds up weighs on all alike.
    var times = Array(repeating: [Double](), count: chosen.count)
    for _ in 0..<runs {
        for (index, pipeline) in pipelines.enumerated() {
            let before = CurrentProcess.processorTime
            _ = try IngestStage(pipeline: pipeline, logger: logger).run(force: true)
            times[index].append(CurrentProcess.processorTime - before)
        }
    }
    // The least processor time of the runs: on a busy machine, the others' work only adds.
    let least = times.map { $0.min()! }
    func leastTime(of name: String) -> Double { chosen.firstIndex { $0.name == name }.map { least[$0] } ?? .nan }
    // A way that reads the interval columns is compared with the plain read of them too.
    print("way              least processor s    x plain   staged rows   rows left out")
    for (index, way) in chosen.enumerated() {
        let base = leastTime(of: way.name.hasSuffix("+ci") ? "plain+ci" : "plain")
        let report = reports[index]
        let leftOut = report.counts.first { $0.key.hasPrefix("rows of other") }?.value ?? 0
        print("\(way.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(format: "%19.3f", least[index]))   \(String(format: "%7.2f", least[index] / base))\(way.name.hasSuffix("+ci") ? "*" : " ")  \(String(format: "%11d", report.counts["rows"] ?? 0))   \(String(format: "%13d", leftOut))")
    }
}

let arguments = CommandLine.arguments
switch (arguments.count > 1 ? arguments[1] : "", arguments.count) {
case ("generate", 3):
    try generate(folder: arguments[2])
case ("run", 3...):
    try run(folder: arguments[2], runs: arguments.count >= 4 ? Int(arguments[3]) ?? 5 : 5, only: Array(arguments.dropFirst(4)))
default:
    print("usage: areaneeds-bench-long-tables generate FOLDER | run FOLDER [RUNS [WAY...]]")
    exit(64)
}
