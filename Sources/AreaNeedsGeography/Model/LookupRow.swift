/// One row of a lookup: a small area, the area it maps to, and the weight of that part.
public struct LookupRow: Sendable, Hashable {
    /// The line of the file the row is on, for messages.
    public var line: Int
    public var code: String
    public var name: String?
    public var areaCode: String
    public var weight: Double

    public init(line: Int, code: String, name: String? = nil, areaCode: String, weight: Double = 1) {
        self.line = line
        self.code = code
        self.name = name
        self.areaCode = areaCode
        self.weight = weight
    }
}
