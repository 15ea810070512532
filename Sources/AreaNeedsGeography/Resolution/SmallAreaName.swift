/// What the ONS names of LSOAs and MSOAs say: "Burnley 001A" is LSOA A of MSOA "Burnley 001",
/// which is MSOA number 1 of the district "Burnley".
enum SmallAreaName {
    /// The parts of "<district> <3 digits><letters>", or nil for other names.
    static func parts(of name: String) -> (district: String, number: Int, letters: Substring)? {
        let letters = name.reversed().prefix { $0.isASCII && $0.isUppercase }
        let stem = name.dropLast(letters.count)
        let digits = stem.suffix(3)
        guard digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let district = stem.dropLast(3)
        guard district.count > 1, district.last == " " else { return nil }
        return (String(district.dropLast()), Int(digits)!, name.suffix(letters.count))
    }

    /// The MSOA name of an LSOA name: "Burnley 001A" gives "Burnley 001".
    static func msoaName(ofLsoa name: String) -> String? {
        guard let parts = parts(of: name), !parts.letters.isEmpty else { return nil }
        return String(name.dropLast(parts.letters.count))
    }

    /// The district name an LSOA or MSOA name begins with: "Ribble Valley 004B" gives "Ribble Valley".
    static func district(of name: String) -> String? {
        parts(of: name)?.district
    }
}
