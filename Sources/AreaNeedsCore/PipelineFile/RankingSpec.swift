/// How areas are ranked. Every area is always ranked against every other area of the
/// release; `within-district: true` also ranks each district's areas among themselves, as
/// if the district were the whole release, for bodies that compare areas inside each
/// district (a regional or national pipeline).
package struct RankingSpec: Codable, Sendable, Equatable {
    /// Adds `district_need_rank` and `district_need_quintile` to the indicator and
    /// objective tables.
    package var withinDistrict: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case withinDistrict = "within-district"
    }

    package init(withinDistrict: Bool = false) {
        self.withinDistrict = withinDistrict
    }

    package init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        withinDistrict = try container.decodeIfPresent(Bool.self, forKey: .withinDistrict) ?? false
    }
}
