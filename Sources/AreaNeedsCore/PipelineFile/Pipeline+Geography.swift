import Foundation
import AreaNeedsGeography
import AreaNeedsTables

extension Pipeline {
    /// The geography files the pipeline names, with their columns.
    public var areasFile: AreasFile {
        let spec = file.geography
        return AreasFile(path: resolve(spec.areas.file), areaKey: spec.areaKey, code: spec.areas.code, name: spec.areas.name,
                         districtCode: spec.areas.districtCode, districtName: spec.areas.districtName,
                         population: spec.areas.population)
    }

    public var lookupFiles: [LookupFile] {
        file.geography.lookups.map { lookup in
            LookupFile(level: lookup.geography, path: resolve(lookup.file), areaKey: file.geography.areaKey,
                       code: lookup.smallArea, name: lookup.smallAreaName, area: lookup.area, weight: lookup.weight)
        }
    }

    /// Every geography file, for fingerprints and provenance.
    public var geographyPaths: [String] {
        [areasFile.path] + lookupFiles.map(\.path) + [file.geography.lsoa21?.bestFit.map(resolve)].compactMap { $0 }
    }

    /// Reads the geography and checks it; any problem is an input-data error listing them all.
    ///
    /// The geography last read is kept, with the sizes and times of its files: the normalise
    /// and publish stages of one `run` both need it, and reading and checking a national
    /// geography (188,880 output areas) twice took a tenth of the run.
    public func loadGeography() throws(AreaNeedsError) -> Geography {
        let key = GeographyKey(spec: file.geography, files: geographyPaths.map(GeographyKey.stat))
        if let geography = Pipeline.lastGeography.geography(for: key) { return geography }
        let geography = try readGeography()
        Pipeline.lastGeography.keep(geography, for: key)
        return geography
    }

    private static let lastGeography = LastGeography()

    private func readGeography() throws(AreaNeedsError) -> Geography {
        let geography: Geography
        do {
            geography = try Geography.load(areas: areasFile, lookups: lookupFiles,
                                           lsoa21BestFit: file.geography.lsoa21?.bestFit.map(resolve))
        } catch let error as TableError {
            throw AreaNeedsError(error, context: "geography", setting: locate("geography"))
        } catch {
            throw AreaNeedsError(.inputData, "geography: \(error)\n  (set in \(locate("geography")))")
        }
        let problems = geography.check(districts: file.geography.districts)
        if !problems.isEmpty {
            let shown = problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
            let more = problems.count > 20 ? "\n  ... and \(problems.count - 20) more" : ""
            throw AreaNeedsError(.inputData, "the geography has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n\(shown)\(more)\n  (set in \(locate("geography")))")
        }
        return geography
    }
}

/// What a loaded geography was made from: the pipeline's geography settings and the
/// path, size and modification time of each of its files.
private struct GeographyKey: Equatable {
    var spec: GeographySpec
    var files: [String]

    static func stat(_ path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(path)|\(size)|\(modified)"
    }
}

/// The geography last loaded, shared by the stages of a run.
private final class LastGeography: @unchecked Sendable {
    private let lock = NSLock()
    private var key: GeographyKey?
    private var geography: Geography?

    func geography(for key: GeographyKey) -> Geography? {
        lock.withLock { self.key == key ? geography : nil }
    }

    func keep(_ geography: Geography, for key: GeographyKey) {
        lock.withLock {
            self.key = key
            self.geography = geography
        }
    }
}
