// The national benchmark's data set: a made-up England and Wales at full scale (188,880
// output areas, about 7,100 service areas in 331 districts) and twenty messy extracts, with
// an AreaNeeds pipeline file and the same job described for the DuckDB, polars and pandas
// programs beside it. Seeded: the same seed writes byte-identical files.
//
//     areaneeds-bench-national generate FOLDER [SEED]
//
// `scripts/bench-national` runs it, then every tool on the data, and prints the timings.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard (2...3).contains(arguments.count), arguments[0] == "generate", let seed = UInt64(arguments.count == 3 ? arguments[2] : "2026") else {
    FileHandle.standardError.write("usage: areaneeds-bench-national generate FOLDER [SEED]\n".data(using: .utf8)!)
    exit(64)
}
do {
    try NationalDataSet(folder: arguments[1], seed: seed).write()
} catch {
    FileHandle.standardError.write("areaneeds-bench-national: \(error)\n".data(using: .utf8)!)
    exit(1)
}
