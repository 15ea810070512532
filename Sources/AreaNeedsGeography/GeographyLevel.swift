/// The geographies that source data is published at, and that lookups map from.
package enum GeographyLevel: String, Codable, Sendable, CaseIterable, Hashable {
    /// Output areas, 2011 boundaries.
    case oa11
    /// Lower layer super output areas, 2011 boundaries (the Indices of Deprivation 2019).
    case lsoa11
    /// Lower layer super output areas, 2021 boundaries (Census 2021).
    case lsoa21
    /// Middle layer super output areas, 2011 boundaries.
    case msoa11
    /// Electoral wards.
    case ward
    /// Local authority districts: figures are inherited by every area of the district.
    case district
    /// The target areas themselves (SPAs): figures are used as they are.
    case area
    /// The county the areas make up (the pipeline names its code): its one figure is
    /// inherited by every area.
    case county

    /// A name for people.
    package var title: String {
        switch self {
        case .oa11: "output area (2011)"
        case .lsoa11: "LSOA (2011)"
        case .lsoa21: "LSOA (2021)"
        case .msoa11: "MSOA (2011)"
        case .ward: "ward"
        case .district: "district"
        case .area: "target area"
        case .county: "county"
        }
    }
}
