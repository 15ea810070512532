/// One row of a lookup: a small area, the area it maps to, and the weight of that part.
package struct LookupRow: Sendable, Hashable {
    /// The line of the file the row is on, for messages.
    package var line: Int
    package var code: String
    package var name: String?
    package var areaCode: String
    package var weight: Double

    package init(line: Int, code: String, name: String? = nil, areaCode: String, weight: Double = 1) {
        self.line = line
        self.code = code
        self.name = name
        self.areaCode = areaCode
        self.weight = weight
    }
}
