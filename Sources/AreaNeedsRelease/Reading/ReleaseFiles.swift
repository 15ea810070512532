import Foundation

/// What a published release's own records say about it: its checksums and the shape of
/// its tables. Used to decide the next version without trusting anything else.
struct ReleaseFiles {
    let folder: String
    /// File name -> SHA-256, from `SHA256SUMS`.
    let hashes: [String: String]
    /// The datapackage descriptor.
    let descriptor: JSONValue?

    /// Reads the records; one larger than `limits.maxDescriptionBytes` reads as absent.
    init(folder: String, limits: ReleaseLimits = .standard) {
        self.folder = folder
        hashes = ReleaseFiles.readSums(folder + "/SHA256SUMS", limits: limits)
        descriptor = limits.contents(ofDescription: folder + "/datapackage.json")
            .flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
    }

    var names: Set<String> { Set(hashes.keys) }

    func hash(of name: String) -> String? { hashes[name] }

    /// The table names the descriptor lists.
    var tableNames: Set<String> {
        Set(descriptor?["resources"]?.array?.compactMap { $0["name"]?.string } ?? [])
    }

    /// Table names, column names and types, primary and foreign keys: what a downstream
    /// tool depends on.
    var schemaSignature: String {
        let resources = descriptor?["resources"]?.array ?? []
        return resources.compactMap { resource -> String? in
            guard let name = resource["name"]?.string, let schema = resource["schema"] else { return nil }
            let fields = schema["fields"]?.array?.map { "\($0["name"]?.string ?? ""):\($0["type"]?.string ?? "")" } ?? []
            let key = schema["primaryKey"]?.array?.compactMap(\.string) ?? []
            let foreign = schema["foreignKeys"]?.array?.map { key in
                ReleaseFiles.foreignKey(
                    fields: key["fields"]?.array?.compactMap(\.string) ?? [],
                    resource: key["reference"]?["resource"]?.string ?? "",
                    referenced: key["reference"]?["fields"]?.array?.compactMap(\.string) ?? [])
            } ?? []
            return ReleaseFiles.signature(name: name, fields: fields, primaryKey: key, foreignKeys: foreign)
        }.sorted().joined(separator: ";")
    }

    /// The same signature for schemas about to be published.
    static func signature(of schemas: [TableSchema]) -> String {
        schemas.map { schema in
            signature(
                name: schema.name, fields: schema.fields.map { "\($0.name):\($0.type.rawValue)" }, primaryKey: schema.primaryKey,
                foreignKeys: schema.foreignKeys.map { foreignKey(fields: $0.fields, resource: $0.resource, referenced: $0.referencedFields) })
        }.sorted().joined(separator: ";")
    }

    private static func signature(name: String, fields: [String], primaryKey: [String], foreignKeys: [String]) -> String {
        name + "(" + fields.joined(separator: ",") + ")[" + primaryKey.joined(separator: ",") + "]{" + foreignKeys.sorted().joined(separator: ",") + "}"
    }

    private static func foreignKey(fields: [String], resource: String, referenced: [String]) -> String {
        fields.joined(separator: "+") + "->" + resource + "." + referenced.joined(separator: "+")
    }

    /// Parses `sha256sum` output: "<hash>  <name>" per line.
    static func readSums(_ path: String, limits: ReleaseLimits = .standard) -> [String: String] {
        guard let text = limits.contents(ofDescription: path).map({ String(decoding: $0, as: UTF8.self) }) else { return [:] }
        var sums: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[1].hasPrefix(" ") || parts[1].hasPrefix("*") ? parts[1].dropFirst() : parts[1]
            sums[String(name)] = String(parts[0])
        }
        return sums
    }
}
