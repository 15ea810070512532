// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AreaNeeds",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AreaNeedsTables", targets: ["AreaNeedsTables"]),
    ],
    targets: [
        // System C libraries, each behind a small module map; no C type leaves AreaNeedsTables.
        .systemLibrary(name: "CCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        // Streaming CSV and gzip reading and writing.
        .target(name: "AreaNeedsTables", dependencies: ["CCSV", "CZlib"]),

        .testTarget(name: "AreaNeedsTablesTests", dependencies: ["AreaNeedsTables"]),

        // Benchmarks, run by scripts/bench; they print measurements and assert nothing.
        .executableTarget(
            name: "areaneeds-bench-tables", dependencies: ["AreaNeedsTables", "CCSV"], path: "Benchmarks/TableReading"),
    ]
)
