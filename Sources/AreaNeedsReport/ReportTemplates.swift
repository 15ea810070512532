import AreaNeedsCore
import AreaNeedsTables
import Foundation
import Mustache

/// The report's Mustache templates (`Templates/*.mustache`), loaded from the module's
/// resources, which SwiftPM copies beside the executable.
struct ReportTemplates: Sendable {
    /// The templates every report needs.
    static let names = ["layout", "style", "legend", "key", "marker", "icon", "heatmap", "spine", "dots", "overview", "districts", "area", "indicator"]
    /// SwiftPM's name for this module's resources: `<package>_<target>`.
    static let bundleName = "AreaNeeds_AreaNeedsReport"

    private let library: MustacheLibrary

    /// Loads and parses the templates from `folder`, or from the resources when nil.
    init(folder: String? = nil) throws(AreaNeedsError) {
        let folder = if let folder { folder } else { try ReportTemplates.resourceFolder() }
        var library = MustacheLibrary()
        for name in ReportTemplates.names {
            let path = folder + "/" + name + ".mustache"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AreaNeedsError(.internal, "\(path): the report template is missing; reinstall areaneeds with its resources")
            }
            do {
                try library.register(String(decoding: data, as: UTF8.self), named: name)
            } catch {
                throw AreaNeedsError(.internal, "\(path): the report template does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// Renders a page model with a template. Mustache escapes markup; control characters
    /// (from a release edited by hand: names with ESC or BEL, a bidirectional override) are
    /// shown as `\uXXXX`, as on a terminal.
    func render(_ model: Any, template: String) throws(AreaNeedsError) -> String {
        guard let text = library.render(model, withTemplate: template) else {
            throw AreaNeedsError(.internal, "no report template named \(template)")
        }
        return SafeText.visible(text, keeping: ["\n", "\r", "\t"])
    }

    /// The `Templates` folder of the resource bundle beside the running executable (or test
    /// binary). Looked up by hand rather than through `Bundle.module`, which stops the
    /// process when the bundle is missing; a missing bundle is an error that says what to do.
    static func resourceFolder() throws(AreaNeedsError) -> String {
        var places: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            places.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            places.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        var tried: [String] = []
        for place in places {
            for suffix in ["resources", "bundle"] {
                let bundlePath = place.appendingPathComponent(bundleName + "." + suffix).path
                tried.append(bundlePath)
                // Linux keeps resources at the bundle's top level; a macOS bundle in Contents/Resources.
                for folder in [bundlePath + "/Templates", bundlePath + "/Contents/Resources/Templates"]
                where FileManager.default.fileExists(atPath: folder + "/layout.mustache") {
                    return folder
                }
            }
        }
        throw AreaNeedsError(.internal, "the report templates are missing: looked for \(tried.joined(separator: ", ")); keep the \(bundleName) resources beside the areaneeds executable")
    }
}
