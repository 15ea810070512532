import AreaNeedsCore
import Foundation

/// Checks a release folder against its own `SHA256SUMS`: every listed file present with
/// the recorded content, and the tables the descriptor names all listed; no file larger
/// than `ReleaseLimits` allow, which is told before anything is hashed.
package enum ReleaseVerifier {
    /// Throws, naming the first file that is missing, changed or too large.
    package static func verify(folder: String, limits: ReleaseLimits = .standard) throws(AreaNeedsError) {
        let sumsPath = folder + "/SHA256SUMS"
        guard FileManager.default.fileExists(atPath: sumsPath) else {
            throw AreaNeedsError(.inputData, "\(folder): not a complete release (no SHA256SUMS)")
        }
        for name in ["SHA256SUMS", "datapackage.json", "provenance.json"] where fileSize(folder + "/" + name) > limits.maxDescriptionBytes {
            throw AreaNeedsError(.inputData, "\(folder)/\(name): \(fileSize(folder + "/" + name)) bytes, more than the \(limits.maxDescriptionBytes) "
                + "it may have (data-out/README.md, \"Limits on reading a release\"); not read")
        }
        let sums = ReleaseFiles.readSums(sumsPath, limits: limits)
        guard !sums.isEmpty else {
            throw AreaNeedsError(.inputData, "\(sumsPath): lists no files")
        }
        let descriptions: Set<String> = ["datapackage.json", "provenance.json"]
        for name in sums.keys.sorted() where !descriptions.contains(name) && fileSize(folder + "/" + name) > limits.maxFileBytes {
            let label = URL(fileURLWithPath: folder).deletingLastPathComponent().lastPathComponent + " " + URL(fileURLWithPath: folder).lastPathComponent
            throw ReleaseTableReader.overLimit(folder + "/" + name, bytes: fileSize(folder + "/" + name), limits: limits, label: label)
        }
        // Hashed on every core, the largest files first; the first problem by name is told.
        let listed = sums.sorted { $0.key < $1.key }.map { (name: $0.key, expected: $0.value) }
        let checks = Parallel.map(listed, cost: { fileSize(folder + "/" + $0.name) }) { file throws(AreaNeedsError) in
            let path = folder + "/" + file.name
            guard FileManager.default.fileExists(atPath: path) else {
                throw AreaNeedsError(.inputData, "\(path): missing from the release (listed in SHA256SUMS)")
            }
            guard try FileHash.sha256(ofFile: path) == file.expected else {
                throw AreaNeedsError(.inputData, "\(path): does not match its checksum in SHA256SUMS (the release is corrupt or was edited)")
            }
        }
        for case .failure(let problem) in checks { throw problem }
        let files = ReleaseFiles(folder: folder, limits: limits)
        guard files.descriptor != nil else {
            throw AreaNeedsError(.inputData, "\(folder)/datapackage.json: missing or not valid JSON")
        }
        for table in files.tableNames where sums[table + ".csv"] == nil {
            throw AreaNeedsError(.inputData, "\(folder): the table \(table).csv is not in SHA256SUMS")
        }
        // The descriptor's own sizes and hashes must agree with the files, so a tool that
        // trusts datapackage.json alone reads the same release: the tables, and the editions.
        let editions = files.descriptor?["areaneeds"]?["editions"]?.array ?? []
        for resource in (files.descriptor?["resources"]?.array ?? []) + editions {
            guard let path = resource["path"]?.string else { continue }
            let name = resource["name"]?.string ?? path
            if let hash = resource["hash"]?.string, hash != "sha256:" + (sums[path] ?? "") {
                throw AreaNeedsError(.inputData, "\(folder)/datapackage.json: the hash of resource \(name) does not match \(path) in SHA256SUMS")
            }
            if case .integer(let bytes)? = resource["bytes"], bytes != fileSize(folder + "/" + path) {
                throw AreaNeedsError(.inputData, "\(folder)/datapackage.json: resource \(name) says \(bytes) bytes, \(path) has \(fileSize(folder + "/" + path))")
            }
        }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
    }
}
