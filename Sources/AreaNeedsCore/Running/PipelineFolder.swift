import AreaNeedsTables
import Foundation

/// Opens a pipeline's own folder (`data-out/<pipeline>`, where its releases, staging
/// folders and lock go) so that nothing is ever written outside the output folder given.
///
/// The output folder itself (`--output`, or the pipeline file's `output:`) is the
/// operator's to choose and is reached as its path leads; it is made when missing. Below
/// it nothing is followed: the pipeline's folder, and each folder opened from it, must be
/// a real folder, never a symbolic link (which could lead anywhere), a file, a FIFO or a
/// device.
package enum PipelineFolder {
    /// Opens the folder at `path` (`<output>/<pipeline>`), making it and the output folder
    /// when they are missing.
    package static func open(_ path: String) throws(AreaNeedsError) -> Folder {
        let root = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        switch Folder.kind(followingPath: root) {
        case .folder:
            break
        case .missing:
            if Folder.kind(ofPath: root) == .link {
                throw AreaNeedsError(.output, "\(root): the output folder is a symbolic link to nothing (a missing folder); make the folder it names, or give --output another folder (nothing was written)")
            }
            // The nearest folder above that exists must be one: a file there is named.
            var above = (root as NSString).deletingLastPathComponent
            while !above.isEmpty, above != "/", Folder.kind(followingPath: above) == .missing {
                above = (above as NSString).deletingLastPathComponent
            }
            let kind = above.isEmpty ? EntryKind.folder : Folder.kind(followingPath: above)
            if kind != .folder {
                throw AreaNeedsError(.output, "\(root): cannot make the output folder: \(above) is \(describe(kind)), not a folder; give --output (or `output:` in the pipeline file) a folder (nothing was written)")
            }
            do {
                try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            } catch {
                throw AreaNeedsError(.output, "\(root): cannot make the output folder (\(PipelineFolder.reason(error))); give --output a folder that can be made (nothing was written)")
            }
        case .file, .link, .other:
            throw AreaNeedsError(.output, "\(root): is \(PipelineFolder.describe(Folder.kind(followingPath: root))), not a folder; the releases go in a folder: give --output (or `output:` in the pipeline file) a folder, or move this away (nothing was written)")
        }
        let output: Folder
        do {
            output = try Folder(path: root)
        } catch {
            throw AreaNeedsError(.output, "\(root): cannot open the output folder (\(error))")
        }
        return try subfolder(name, of: output, purpose: "the pipeline's folder")
    }

    /// Opens (making it when missing) the folder `name` of `parent`; refuses a symbolic
    /// link or anything but a folder there, naming it and what to do.
    package static func subfolder(_ name: String, of parent: Folder, purpose: String) throws(AreaNeedsError) -> Folder {
        let path = parent.path + "/" + name
        let kind = parent.kind(of: name)
        switch kind {
        case .missing, .folder:
            do {
                return try parent.subfolder(name, creating: true)
            } catch {
                throw AreaNeedsError(.output, "\(path): cannot make or open \(purpose) (\(error))")
            }
        case .link:
            let target = (try? parent.linkTarget(name)).map { " to \(SafeText.excerpt($0))" } ?? ""
            throw AreaNeedsError(.output, "\(path): a symbolic link\(target) is where \(purpose) goes; areaneeds writes only inside the output folder and never follows a link there: remove the link (the folder it points at is left as it is), or give --output the folder you meant (nothing was written)")
        case .file, .other:
            throw AreaNeedsError(.output, "\(path): is \(describe(kind)), where \(purpose) goes; move it away (nothing was written)")
        }
    }

    /// "a regular file", "a symbolic link", ... for messages.
    package static func describe(_ kind: EntryKind) -> String {
        switch kind {
        case .missing: "missing"
        case .file: "a regular file"
        case .folder: "a folder"
        case .link: "a symbolic link"
        case .other: "a FIFO, device or socket"
        }
    }

    /// The reason a Foundation call failed, without its domain and number.
    static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return SystemError(code: Int32(underlying.code)).description
        }
        switch error.code {
        case NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "the disk is full"
        case NSFileWriteVolumeReadOnlyError: return "the disk is read-only"
        default: return "the system refused it"
        }
    }
}
