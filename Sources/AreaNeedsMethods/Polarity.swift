/// Which direction of an indicator means more need.
package enum Polarity: String, Codable, Sendable, CaseIterable, Hashable {
    /// A high value is a high need (deprivation scores, fuel poverty).
    case higherIsWorse = "higher-is-worse"
    /// A high value is a low need (life expectancy, attainment, income).
    case higherIsBetter = "higher-is-better"
}
