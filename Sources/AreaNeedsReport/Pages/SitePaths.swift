import AreaNeedsRelease

/// Where each page of the report goes, relative to the report folder: `index.html`,
/// `areas/<code>.html`, `indicators/<id>.html` and, when the overview is split by district,
/// `districts/<code>.html`. Codes and ids become safe file names (letters, digits, `-`, `_`
/// and `.`), made unique if two would clash.
struct SitePaths: Sendable {
    static let index = "index.html"
    private let areaFiles: [String: String]
    private let indicatorFiles: [String: String]
    private let districtFiles: [String: String]

    init(areas: [AreaRow], indicators: [IndicatorRow], districts: [String] = []) {
        areaFiles = SitePaths.names(for: areas.map(\.code), folder: "areas")
        indicatorFiles = SitePaths.names(for: indicators.map(\.id), folder: "indicators")
        districtFiles = SitePaths.names(for: districts, folder: "districts")
    }

    /// The page of a district, when the overview is split by district.
    func district(_ code: String) -> String { districtFiles[code] ?? "districts/unknown.html" }

    /// The page of an area.
    func area(_ code: String) -> String { areaFiles[code] ?? "areas/unknown.html" }

    /// The page of an indicator.
    func indicator(_ id: String) -> String { indicatorFiles[id] ?? "indicators/unknown.html" }

    private static func names(for keys: [String], folder: String) -> [String: String] {
        var taken: Set<String> = []
        var names: [String: String] = [:]
        for key in keys {
            let base = safe(key)
            var name = base
            var suffix = 2
            while taken.contains(name.lowercased()) {
                name = base + "-" + String(suffix)
                suffix += 1
            }
            taken.insert(name.lowercased())
            names[key] = folder + "/" + name + ".html"
        }
        return names
    }

    /// Keeps letters, digits, `-`, `_` and `.`; anything else becomes `-`.
    static func safe(_ key: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        var text = String(key.map { allowed.contains($0) ? $0 : "-" })
        while text.hasPrefix(".") { text.removeFirst() }
        return text.isEmpty ? "page" : text
    }
}
