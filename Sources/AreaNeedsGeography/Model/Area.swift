/// One target area (a Service Planning Area): its code, name, district and population.
package struct Area: Sendable, Hashable {
    package var code: String
    package var name: String
    /// The district the area lies in; every area lies in exactly one.
    package var districtCode: String
    package var districtName: String
    /// The population the areas table gives, if it has a population column.
    package var population: Double?

    package init(code: String, name: String, districtCode: String, districtName: String, population: Double? = nil) {
        self.code = code
        self.name = name
        self.districtCode = districtCode
        self.districtName = districtName
        self.population = population
    }
}
