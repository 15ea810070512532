import AreaNeedsTables

/// A staged table this run wrote, handed to the next stage in memory rather than read back
/// from its file: the unit it belongs to, its file as written (the next stage's fingerprint
/// takes its checksum) and the table.
package struct StagedOutput: Sendable {
    package let unit: StageUnit
    package let file: InputFile
    package let table: StagedTable

    package init(unit: StageUnit, file: InputFile, table: StagedTable) {
        self.unit = unit
        self.file = file
        self.table = table
    }
}

/// The stage after ingest in a run of every stage, taking the ingest stage's tables in
/// memory as they are put in place (the normalise stage's pass).
package protocol IngestHandoff: Sendable {
    /// The units the ingest stage is about to read: what reads them must wait for them.
    func awaiting(_ units: Set<StageUnit>)

    /// Tables just put in place, on the thread that read them.
    func ingested(_ outputs: [StagedOutput])
}
