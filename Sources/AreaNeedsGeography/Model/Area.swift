/// One target area (a Service Planning Area): its code, name, district and population.
public struct Area: Sendable, Hashable {
    public var code: String
    public var name: String
    /// The district the area lies in; every area lies in exactly one.
    public var districtCode: String
    public var districtName: String
    /// The population the areas table gives, if it has a population column.
    public var population: Double?

    public init(code: String, name: String, districtCode: String, districtName: String, population: Double? = nil) {
        self.code = code
        self.name = name
        self.districtCode = districtCode
        self.districtName = districtName
        self.population = population
    }
}
