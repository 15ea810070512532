/// The version of the AreaNeeds tools. Part of every stage's fingerprint, so a new version
/// re-runs every stage; recorded in every release's provenance.
package enum ToolVersion {
    package static let current = "0.2.0"
}
