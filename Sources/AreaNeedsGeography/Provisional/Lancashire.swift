/// Lancashire County Council's geography: its 12 districts and 34 Service Planning Areas.
package enum Lancashire {
    /// The 12 districts, by code: Burnley, Chorley, Fylde, Hyndburn, Lancaster, Pendle,
    /// Preston, Ribble Valley, Rossendale, South Ribble, West Lancashire, Wyre.
    package static let districtCodes = (117...128).map { "E07000\($0)" }
    /// How many Service Planning Areas the county has.
    package static let spaCount = 34
}
