import AreaNeedsTestSupport
import Foundation
import AreaNeedsGeography
import AreaNeedsTables

/// A small geography: two districts, three areas, and lookups at three geographies.
///
/// District D1 "Alpha" has areas A1 and A2; D2 "Beta" has B1. Ward W1 is split between
/// A1 and A2.
enum Fixture {
    static let areas = """
        spa_code,spa_name,district_code,district_name,population
        A1,Alpha North,D1,Alpha,100
        A2,Alpha South,D1,Alpha,200
        B1,Beta,D2,Beta,50

        """
    static let lsoa11 = """
        lsoa11_code,lsoa11_name,spa_code
        L1,Alpha 001A,A1
        L2,Alpha 001B,A1
        L3,Alpha 002A,A2
        L4,Beta 001A,B1

        """
    static let msoa11 = """
        msoa11_code,msoa11_name,spa_code
        M1,Alpha 001,A1
        M2,Alpha 002,A2
        M3,Beta 001,B1

        """
    static let ward = """
        ward_code,ward_name,spa_code,weight
        W1,Hill,A1,0.25
        W1,Hill,A2,0.75
        W2,Dale,A2,1
        W3,Fell,B1,1

        """

    /// The fixture with some of its files replaced, loaded from `folder`.
    static func geography(
        in folder: TemporaryFolder, areas: String = areas,
        lookups: [GeographyLevel: String] = [.lsoa11: lsoa11, .msoa11: msoa11, .ward: ward],
        bestFit: String? = nil, lsoa11Population: [String: Double] = [:]
    ) throws -> Geography {
        let areasFile = AreasFile(path: folder.file("areas.csv", areas))
        let lookupFiles = GeographyLevel.allCases.compactMap { level in
            lookups[level].map { LookupFile(level: level, path: folder.file("\(level.rawValue).csv", $0)) }
        }
        return try Geography.load(
            areas: areasFile, lookups: lookupFiles, lsoa21BestFit: bestFit.map { folder.file("best-fit.csv", $0) },
            lsoa11Population: lsoa11Population)
    }
}

/// The error `body` throws, as type `E`, or nil.
func thrown<E: Error>(_ type: E.Type, _ body: () throws -> Void) -> E? {
    do {
        try body()
        return nil
    } catch let error as E {
        return error
    } catch {
        return nil
    }
}
