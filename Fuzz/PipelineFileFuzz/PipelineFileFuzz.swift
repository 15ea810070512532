import AreaNeedsCore
import Foundation

/// The fuzz target for pipeline files: libFuzzer calls it with made-up bytes, millions of
/// times, steering towards inputs that reach new code. The bytes are written to a file
/// and read as a pipeline file, as the social value framework file and as `areaneeds.yml`,
/// by the functions the commands call.
///
/// A configuration error (or a missing-input error) is the right answer to a broken file.
/// Any crash, trap, hang, runaway memory or sanitizer report is a bug, and so is another
/// kind of error, a message with a control character in it, or a pipeline that loads with
/// a number out of its range. Run it with `scripts/fuzz --target pipeline`.
@_cdecl("LLVMFuzzerTestOneInput")
public func pipelineFileFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    for path in [FuzzFiles.pipeline, FuzzFiles.settings] {
        guard FileManager.default.createFile(atPath: path, contents: bytes) else { fatalError("cannot write \(path)") }
    }
    do {
        FuzzFiles.use(try Pipeline.load(path: FuzzFiles.pipeline))
    } catch {
        FuzzFiles.expectConfigurationError(error)
    }
    do {
        _ = try SocialValueFramework.load(path: FuzzFiles.pipeline)
    } catch {
        FuzzFiles.expectConfigurationError(error)
    }
    do {
        _ = try ProjectSettings.load(in: FuzzFiles.folder)
    } catch {
        FuzzFiles.expectConfigurationError(error)
    }
    return 0
}

enum FuzzFiles {
    /// One folder per process, on a memory file system when there is one.
    static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = base + "/areaneeds-fuzz-pipeline-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()
    static let pipeline = folder + "/pipeline.yml"
    static let settings = folder + "/" + ProjectSettings.fileName

    /// Stops the fuzzer unless `error` is what a broken configuration file should give.
    static func expectConfigurationError(_ error: AreaNeedsError) {
        guard error.category == .configuration || error.category == .missingInput else {
            fatalError("a \(error.category.label), not a configuration error: \(error.message)")
        }
        if let control = error.message.unicodeScalars.first(where: isControl) {
            fatalError("the message holds U+\(String(control.value, radix: 16)): \(error.message.debugDescription)")
        }
    }

    /// Checks what the stages rely on in a pipeline that loads, and uses it as they do.
    static func use(_ pipeline: Pipeline) {
        let file = pipeline.file
        guard file.policy.procurementThreshold.isFinite, file.policy.procurementThreshold >= 0 else {
            fatalError("loaded with procurement-threshold \(file.policy.procurementThreshold)")
        }
        for indicator in file.indicators {
            if let scale = indicator.scale, !(scale.isFinite && scale > 0) { fatalError("\(indicator.id) loaded with scale \(scale)") }
            if let count = indicator.nationalCount, count < 1 { fatalError("\(indicator.id) loaded with national-count \(count)") }
            for bound in [indicator.plausibleRange?.min, indicator.plausibleRange?.max].compactMap({ $0 }) where !bound.isFinite {
                fatalError("\(indicator.id) loaded with a plausible-range bound \(bound)")
            }
            _ = pipeline.locate(pipeline.keyPath(ofIndicator: indicator.id, "source", "file"))
            _ = indicator.expectedAreas?.description
        }
        var fingerprint = Fingerprint()
        fingerprint.add("pipeline", file)
        _ = fingerprint.value
        _ = file.limits.readLimits
        _ = pipeline.geographyFiles
        _ = pipeline.stagingFolder
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value))
    }
}
