// swift-tools-version:6.0
// The fuzz targets: a package of their own, so that `swift build` and `swift test` of
// AreaNeeds never build them (they need `--sanitize fuzzer`, which only `scripts/fuzz`
// passes). It uses the main package's libraries through a path dependency.
import PackageDescription

let package = Package(
    name: "AreaNeedsFuzz",
    dependencies: [
        .package(name: "AreaNeeds", path: ".."),
    ],
    targets: [
        // Built with `--sanitize fuzzer`, which links libFuzzer's `main` and makes SwiftPM
        // parse the target as a library: the entry is `LLVMFuzzerTestOneInput`.
        .executableTarget(
            name: "TableReaderFuzz",
            dependencies: [.product(name: "AreaNeedsTables", package: "AreaNeeds")],
            path: "TableReaderFuzz"),
        .executableTarget(
            name: "PipelineFileFuzz",
            dependencies: [.product(name: "AreaNeedsCore", package: "AreaNeeds")],
            path: "PipelineFileFuzz"),
    ]
)
