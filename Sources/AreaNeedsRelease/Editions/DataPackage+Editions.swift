extension DataPackage {
    /// The descriptor's account of the editions, in its `areaneeds` object: `editions`, the
    /// workbook and the database with each file's path, format, media type, size and hash,
    /// and `compressed_copies` when the tables have gzip copies.
    ///
    /// They are not `resources`: a tabular data package lists CSV tables only, and the
    /// editions hold the same rows in other forms.
    static func editionEntries(for draft: ReleaseDraft, files: [ReleaseWriter.WrittenFile]) -> [String: JSONValue] {
        let formats: [(extension: String, format: String, mediatype: String)] = [
            ("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("sqlite", "sqlite", "application/vnd.sqlite3"),
        ]
        var editions: [JSONValue] = []
        for (suffix, format, mediatype) in formats {
            for file in files where file.name.hasSuffix("." + suffix) {
                editions.append(.object([
                    "path": .string(file.name),
                    "format": .string(format),
                    "mediatype": .string(mediatype),
                    "bytes": .integer(file.bytes),
                    "hash": .string("sha256:" + file.sha256),
                ]))
            }
        }
        var entries: [String: JSONValue] = ["editions": .array(editions)]
        if draft.editions.contains(.csvGzip) {
            entries["compressed_copies"] = .string("each table is also published as <table>.csv.gz, listed in SHA256SUMS")
        }
        return entries
    }
}
