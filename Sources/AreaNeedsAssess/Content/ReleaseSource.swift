import AreaNeedsRelease

/// Which release an answer was drawn from, shown with every answer.
package struct ReleaseSource: Sendable, Equatable {
    package var pipeline: String
    package var version: String
    package var title: String
    /// True when the figures are made up (the bundled sample): not for real decisions.
    package var synthetic: Bool
    /// The version folder.
    package var folder: String

    /// A source described in full (for releases held in memory).
    package init(pipeline: String, version: String, title: String, synthetic: Bool, folder: String) {
        self.pipeline = pipeline
        self.version = version
        self.title = title
        self.synthetic = synthetic
        self.folder = folder
    }

    init(_ release: Release) {
        self.init(pipeline: release.pipeline, version: release.version.description, title: release.title,
                  synthetic: release.synthetic, folder: release.folder)
    }

    /// "sample 1.2.0 (SYNTHETIC figures), data-out/sample/1.2.0".
    var label: String {
        "\(pipeline) \(version)\(synthetic ? " (SYNTHETIC figures: not for real decisions)" : ""), \(folder)"
    }
}
