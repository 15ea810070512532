import AreaNeedsGeography
import AreaNeedsTables

extension Pipeline {
    /// The geography files the pipeline names, with their columns.
    package var areasFile: AreasFile {
        let spec = file.geography
        return AreasFile(path: resolve(spec.areas.file), areaKey: spec.areaKey, code: spec.areas.code, name: spec.areas.name,
                         districtCode: spec.areas.districtCode, districtName: spec.areas.districtName,
                         population: spec.areas.population, sheet: spec.areas.sheet, encoding: spec.areas.encoding ?? .utf8)
    }

    package var lookupFiles: [LookupFile] {
        file.geography.lookups.map { lookup in
            LookupFile(level: lookup.geography, path: resolve(lookup.file), areaKey: file.geography.areaKey,
                       code: lookup.smallArea, name: lookup.smallAreaName, area: lookup.area, weight: lookup.weight,
                       sheet: lookup.sheet, encoding: lookup.encoding ?? .utf8)
        }
    }

    /// Every geography file, for fingerprints and provenance.
    package var geographyPaths: [String] {
        geographyFiles.map(\.path)
    }

    /// Every geography file with the key that names it ("geography.lookups[1].file").
    public var geographyFiles: [(key: String, path: String)] {
        let lookups = lookupFiles.enumerated().map { ("geography.lookups[\($0.offset)].file", $0.element.path) }
        let bestFit = file.geography.lsoa21?.bestFit.map { [("geography.lsoa21.best-fit", resolve($0))] } ?? []
        return [("geography.areas.file", areasFile.path)] + lookups + bestFit
    }

    /// Reads the geography and checks it; any problem is an input-data error listing them all.
    package func loadGeography() throws(AreaNeedsError) -> Geography {
        let geography: Geography
        do {
            geography = try Geography.load(areas: areasFile, lookups: lookupFiles,
                                           lsoa21BestFit: file.geography.lsoa21?.bestFit.map(resolve))
        } catch let error as TableError {
            var failure = AreaNeedsError(error, context: "geography", setting: nil)
            if case .columnNotFound = error.kind {
                // Most often the wrong file named: say so, beside the header it has.
                failure = AreaNeedsError(failure.category, failure.message
                    + "; this does not look like a geography file (an areas table or a lookup with the columns the pipeline file names): check the file named there")
            }
            throw AreaNeedsError(failure.category, failure.message + "\n  (set in \(locate("geography")))")
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
