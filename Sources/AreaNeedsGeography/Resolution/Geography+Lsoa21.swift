extension Geography {
    /// Where a 2021 LSOA's figures go, trying in turn:
    ///
    /// 1. a lookup from 2021 LSOAs, when one was given and knows the code;
    /// 2. the 2011 LSOA lookup, for codes that did not change in 2021;
    /// 3. the best-fit lookup, for new codes: a split LSOA goes where its 2011 parent goes,
    ///    a merged (or complexly changed) one where all its 2011 parts go, each part weighted
    ///    by its population when every part has one, equally otherwise;
    /// 4. the MSOA its `name` gives ("Burnley 001A" is in "Burnley 001"), found by name in the
    ///    2011 MSOA lookup, for codes that still have no route.
    ///
    /// Otherwise the code is `unresolved`, for the caller to report.
    package func resolveLsoa21(_ code: String, name: String? = nil) -> Lsoa21Resolution {
        if let shares = lookups[.lsoa21]?.shares(for: code) {
            return Lsoa21Resolution(route: .lookup, shares: shares)
        }
        let lsoa11 = lookups[.lsoa11]
        if let shares = lsoa11?.shares(for: code) {
            return Lsoa21Resolution(route: .unchanged, shares: shares)
        }
        if let lsoa11, let parts = bestFit?.parts[code], let shares = combine(parts, through: lsoa11) {
            return Lsoa21Resolution(route: .bestFit, shares: shares)
        }
        if let name, let msoaName = SmallAreaName.msoaName(ofLsoa: name), let msoa11 = lookups[.msoa11],
           let msoa = msoa11.code(named: msoaName), let shares = msoa11.shares(for: msoa) {
            return Lsoa21Resolution(route: .msoaName, shares: shares)
        }
        return .unresolved
    }

    /// The shares of a 2021 LSOA made of 2011 parts; nil unless every part is in the lookup,
    /// as a part outside it would leave some of the figure unplaced.
    private func combine(_ parts: [BestFitLookup.Part], through lsoa11: Lookup) -> [AreaShare]? {
        var codes: [String] = []
        for part in parts where !codes.contains(part.lsoa11) { codes.append(part.lsoa11) }
        let populations = codes.compactMap { lsoa11Population[$0] }
        let total = populations.reduce(0, +)
        let weighByPopulation = populations.count == codes.count && total > 0

        var combined: [AreaShare] = []
        for (index, code) in codes.enumerated() {
            guard let shares = lsoa11.shares(for: code) else { return nil }
            let partWeight = weighByPopulation ? populations[index] / total : 1 / Double(codes.count)
            for share in shares {
                if let existing = combined.firstIndex(where: { $0.areaCode == share.areaCode }) {
                    combined[existing].weight += partWeight * share.weight
                } else {
                    combined.append(AreaShare(areaCode: share.areaCode, weight: partWeight * share.weight))
                }
            }
        }
        return combined
    }
}
