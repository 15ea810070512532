/// One indicator of the national job, as both the AreaNeeds pipeline file and the peers'
/// job description (`job.json`) state it: the same file, columns and method for all four.
struct IndicatorDefinition: Encodable {
    var id: String
    var title: String
    var objective: Int
    var polarity: String
    var unit: String
    var vintage: String
    /// An AreaNeeds aggregation method: rate, weighted-mean, median, average-rank, extent,
    /// share-in-most-deprived-decile or inherit.
    var method: String
    var scale: Double?
    var nationalCount: Int?
    /// The extract, relative to the data set's folder.
    var file: String
    /// oa, lsoa, msoa or district.
    var geography: String
    /// The line of the header row (1-based), for the peers; AreaNeeds finds it by itself.
    var headerLine: Int
    var areaCode: String
    var numerator: String? = nil
    var denominator: String? = nil
    var value: String? = nil
    var population: String? = nil
    var decile: String? = nil

    enum CodingKeys: String, CodingKey {
        case id, title, objective, polarity, unit, vintage, method, scale, file, geography, numerator, denominator, value, population, decile
        case nationalCount = "national_count", headerLine = "header_line", areaCode = "area_code"
    }

    /// The AreaNeeds geography level of the extract.
    var pipelineGeography: String {
        switch geography {
        case "oa": "oa11"
        case "lsoa": "lsoa11"
        case "msoa": "msoa11"
        default: geography
        }
    }
}
