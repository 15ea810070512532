import AreaNeedsCore

extension ReleaseFiles {
    /// The editions a published release holds, from the files `SHA256SUMS` lists.
    var editions: Set<ReleaseEdition> {
        var editions: Set<ReleaseEdition> = [.csv]
        for name in names {
            if name.hasSuffix(".csv.gz") { editions.insert(.csvGzip) }
            if name.hasSuffix(".xlsx") { editions.insert(.xlsx) }
            if name.hasSuffix(".sqlite") { editions.insert(.sqlite) }
        }
        return editions
    }
}
