/// The texts of a pipeline file that a release publishes, checked as `PublishedText`: no
/// control characters, no spreadsheet formula.
extension PipelineValidation {
    func textProblems() -> [PipelineProblem] {
        var problems: [PipelineProblem] = []
        let file = pipeline.file
        func check(_ text: String?, _ path: [Key], multiline: Bool = false) {
            if let text, let problem = PublishedText.problem(text, multiline: multiline) {
                problems.append(PipelineProblem(path: path, message: problem))
            }
        }
        check(file.title, [Key("title")])
        check(file.description, [Key("description")], multiline: true)
        check(file.release.label, [Key("release"), Key("label")])
        check(file.release.publisher, [Key("release"), Key("publisher")])
        check(file.release.licence.name, [Key("release"), Key("licence"), Key("name")])
        check(file.release.licence.title, [Key("release"), Key("licence"), Key("title")])
        check(file.release.licence.path, [Key("release"), Key("licence"), Key("path")])
        check(file.geography.areaLabel, [Key("geography"), Key("area-label")])
        check(file.policy.thresholdSource, [Key("policy"), Key("threshold-source")], multiline: true)
        for (index, indicator) in file.indicators.enumerated() {
            let at = [Key("indicators"), Key(index: index)]
            check(indicator.title, at + [Key("title")])
            check(indicator.unit, at + [Key("unit")])
            check(indicator.vintage, at + [Key("vintage")])
            check(indicator.notes, at + [Key("notes")], multiline: true)
            check(indicator.unavailable, at + [Key("unavailable")], multiline: true)
            // The file's name is published as the indicator's source.
            if let source = indicator.source {
                check(String(source.file.split(separator: "/").last ?? ""), at + [Key("source"), Key("file")])
            }
        }
        return problems
    }
}
