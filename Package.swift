// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AreaNeeds",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "areaneeds", targets: ["areaneeds"]),
        .executable(name: "areaneeds-ingest", targets: ["areaneeds-ingest"]),
        .executable(name: "areaneeds-normalise", targets: ["areaneeds-normalise"]),
        .executable(name: "areaneeds-rank", targets: ["areaneeds-rank"]),
        .executable(name: "areaneeds-publish", targets: ["areaneeds-publish"]),
        .library(name: "AreaNeedsTables", targets: ["AreaNeedsTables"]),
        // For the fuzz package (Fuzz/), which reads pipeline files: not a supported API.
        .library(name: "AreaNeedsCore", targets: ["AreaNeedsCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // System C libraries, each behind a small module map; no C type leaves AreaNeedsTables.
        // (zlib's module is not named CZlib: ZIPFoundation's own zlib module has that name.)
        .systemLibrary(name: "CCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CAreaNeedsZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // SQLite, for the release's database edition; only its wrapper in AreaNeedsRelease imports it.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),

        // The wall around the fast code: streaming CSV, gzip and Excel workbook reading and
        // writing, staged tables, area codes and their maps, checksums. The only module that
        // may be unsafe.
        .target(name: "AreaNeedsTables", dependencies: [
            "CCSV", "CAreaNeedsZlib", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Areas, small-area lookups and their checks.
        .target(name: "AreaNeedsGeography", dependencies: ["AreaNeedsTables"]),
        // Aggregation, ranking and quintiles: pure arithmetic.
        .target(name: "AreaNeedsMethods"),
        // The pipeline file, staging, fingerprints, errors and logging shared by the stages.
        .target(name: "AreaNeedsCore", dependencies: [
            "AreaNeedsTables", "AreaNeedsGeography", "AreaNeedsMethods",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Releases: writing them atomically (with their workbook and database editions),
        // reading and verifying them, versions.
        .target(name: "AreaNeedsRelease", dependencies: [
            "AreaNeedsCore", "AreaNeedsGeography", "AreaNeedsMethods", "AreaNeedsTables", "CSQLite",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The 5%/10% decision and the framework's advice, read from a release, and a release
        // table shown to people (`show`).
        .target(name: "AreaNeedsAssess", dependencies: ["AreaNeedsRelease", "AreaNeedsCore", "AreaNeedsMethods", "AreaNeedsTables"]),

        // The stages, each reading the previous stage's staging folder.
        .target(name: "AreaNeedsIngest", dependencies: [
            "AreaNeedsCore", "AreaNeedsMethods", "AreaNeedsTables", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "AreaNeedsNormalise", dependencies: [
            "AreaNeedsCore", "AreaNeedsGeography", "AreaNeedsMethods", "AreaNeedsTables", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "AreaNeedsRank", dependencies: [
            "AreaNeedsCore", "AreaNeedsGeography", "AreaNeedsMethods", "AreaNeedsRelease", "AreaNeedsTables", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "AreaNeedsPublish", dependencies: [
            "AreaNeedsCore", "AreaNeedsGeography", "AreaNeedsRelease", "AreaNeedsTables", .product(name: "Logging", package: "swift-log"),
        ]),

        // The area profile report: a static site of charts and tables made from a release;
        // its page templates are resources, apart from the code.
        .target(
            name: "AreaNeedsReport",
            dependencies: ["AreaNeedsRelease", "AreaNeedsAssess", "AreaNeedsCore", "AreaNeedsGeography", "AreaNeedsMethods", "AreaNeedsTables", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]),

        // The bundled synthetic sample's generator.
        .target(name: "AreaNeedsSample", dependencies: ["AreaNeedsMethods", "AreaNeedsTables"]),

        // The commands, shared by the executables, which only call them.
        .target(name: "AreaNeedsCLI", dependencies: [
            "AreaNeedsCore", "AreaNeedsIngest", "AreaNeedsNormalise", "AreaNeedsRank", "AreaNeedsPublish", "AreaNeedsRelease", "AreaNeedsReport", "AreaNeedsSample",
            "AreaNeedsAssess", "AreaNeedsGeography", "AreaNeedsTables",
            .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "areaneeds", dependencies: ["AreaNeedsCLI"]),
        .executableTarget(name: "areaneeds-ingest", dependencies: ["AreaNeedsCLI"]),
        .executableTarget(name: "areaneeds-normalise", dependencies: ["AreaNeedsCLI"]),
        .executableTarget(name: "areaneeds-rank", dependencies: ["AreaNeedsCLI"]),
        .executableTarget(name: "areaneeds-publish", dependencies: ["AreaNeedsCLI"]),

        .testTarget(name: "AreaNeedsTablesTests", dependencies: ["AreaNeedsTables", "AreaNeedsTestSupport"]),
        .testTarget(name: "AreaNeedsCoreTests", dependencies: ["AreaNeedsCore", "AreaNeedsGeography", "AreaNeedsMethods", "AreaNeedsTables", "AreaNeedsTestSupport"]),
        // The fixture project and the helpers the end-to-end tests share.
        .target(name: "AreaNeedsTestSupport", dependencies: [
            "AreaNeedsSample", "AreaNeedsTables", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], path: "Tests/AreaNeedsTestSupport"),
        .testTarget(name: "AreaNeedsPipelineTests", dependencies: [
            "AreaNeedsCLI", "AreaNeedsCore", "AreaNeedsMethods", "AreaNeedsRelease", "AreaNeedsSample", "AreaNeedsTables", "AreaNeedsTestSupport",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "AreaNeedsMethodsTests", dependencies: ["AreaNeedsMethods", "AreaNeedsTestSupport"]),
        .testTarget(name: "AreaNeedsGeographyTests", dependencies: ["AreaNeedsGeography", "AreaNeedsTables", "AreaNeedsTestSupport"]),
        .testTarget(name: "AreaNeedsReleaseTests", dependencies: [
            "AreaNeedsAssess", "AreaNeedsCLI", "AreaNeedsCore", "AreaNeedsGeography", "AreaNeedsMethods", "AreaNeedsRelease", "AreaNeedsTables", "AreaNeedsTestSupport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "AreaNeedsAssessTests", dependencies: [
            "AreaNeedsAssess", "AreaNeedsRelease", "AreaNeedsCore", "AreaNeedsCLI", "AreaNeedsMethods",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "AreaNeedsReportTests", dependencies: [
            "AreaNeedsCLI", "AreaNeedsCore", "AreaNeedsMethods", "AreaNeedsRelease", "AreaNeedsReport", "AreaNeedsTables", "AreaNeedsTestSupport",
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Benchmarks, run by scripts/bench; they print measurements and assert nothing.
        .executableTarget(
            name: "areaneeds-bench-tables", dependencies: ["AreaNeedsTables", "AreaNeedsTestSupport", "CCSV"], path: "Benchmarks/TableReading"),
        .executableTarget(
            name: "areaneeds-bench-long-tables",
            dependencies: ["AreaNeedsCore", "AreaNeedsIngest", "AreaNeedsTables", "AreaNeedsTestSupport", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/LongTables"),
        .executableTarget(
            name: "areaneeds-bench-health", dependencies: ["AreaNeedsMethods"], path: "Benchmarks/HealthMethods"),
        // The national data set for scripts/bench-national (the Python peers sit beside it).
        .executableTarget(
            name: "areaneeds-bench-national", dependencies: ["AreaNeedsSample", "CAreaNeedsZlib"], path: "Benchmarks/National", exclude: ["peers"]),
    ]
)
