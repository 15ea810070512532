import AreaNeedsTables

extension AreaNeedsError {
    /// A table problem, sorted by who must act: a missing file, a column or header the
    /// pipeline file names wrongly (configuration), or bad content (input data).
    ///
    /// - Parameters:
    ///   - context: what was being read, such as "indicator fuel-poverty".
    ///   - setting: where the pipeline file names the file or column, from `Pipeline.locate`.
    package init(_ error: TableError, context: String, setting: String? = nil) {
        let category: Category
        switch error.kind {
        case .fileNotFound, .unreadable:
            category = .missingInput
        case .columnNotFound, .ambiguousColumn, .noPeriodColumn, .headerNotFound, .headerLineMissing, .sheetNotChosen, .sheetNotFound, .notAWorkbook:
            category = .configuration
        case .unwritable:
            category = .output
        default:
            category = .inputData
        }
        var message = "\(context): \(error)"
        if let setting { message += "\n  (set in \(setting))" }
        self.init(category, message)
    }
}

extension AreaNeedsError {
    /// Any error met while reading or writing tables, as an AreaNeedsError.
    package init(_ error: any Error, context: String) {
        if let error = error as? AreaNeedsError {
            self = error
        } else if let error = error as? TableError {
            // `setting:` spelt out: without it this call picks this initialiser again, and
            // recurses until the stack overflows.
            self.init(error, context: context, setting: nil)
        } else {
            self.init(.internal, "\(context): \(error)")
        }
    }
}
