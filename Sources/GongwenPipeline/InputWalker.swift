import Foundation

/// Turns the paths given on the command line into the ordered list of notice files.
///
/// Folders are walked recursively in byte order of their paths; files with notice
/// extensions are taken, others are listed as skipped. Symlinks to folders are not
/// followed (so a symlink loop cannot hang the walk). A path named explicitly is always
/// taken, whatever its extension.
public struct InputWalker: Sendable {
  public static let noticeExtensions: Set<String> = ["txt", "text", "html", "htm", "xhtml", "docx"]

  public struct Entry: Sendable, Equatable {
    public var path: String
  }

  public struct Skipped: Sendable, Equatable, Codable {
    public var path: String
    public var reason: String
  }

  public struct Listing: Sendable {
    public var files: [String] = []
    public var skipped: [Skipped] = []
    /// Paths that could not be listed or do not exist.
    public var missing: [Skipped] = []
  }

  public init() {}

  public func walk(_ paths: [String]) -> Listing {
    var listing = Listing()
    for p in paths {
      var st = stat()
      if lstat(p, &st) != 0 {
        listing.missing.append(Skipped(path: p, reason: "no such file or folder"))
        continue
      }
      if (st.st_mode & S_IFMT) == S_IFDIR {
        walkDirectory(p, into: &listing)
      } else if (st.st_mode & S_IFMT) == S_IFLNK {
        var target = stat()
        if stat(p, &target) != 0 {
          listing.missing.append(Skipped(path: p, reason: "broken symbolic link"))
        } else if (target.st_mode & S_IFMT) == S_IFDIR {
          // An explicit symlink to a folder on the command line is followed once.
          walkDirectory(p, into: &listing)
        } else {
          listing.files.append(p)
        }
      } else {
        listing.files.append(p)
      }
    }
    return listing
  }

  private func walkDirectory(_ dir: String, into listing: inout Listing) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
      listing.missing.append(Skipped(path: dir, reason: "folder cannot be read"))
      return
    }
    let base = dir.hasSuffix("/") ? dir : dir + "/"
    // byte order of full paths
    let children = names.map { base + $0 }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    for child in children {
      var st = stat()
      guard lstat(child, &st) == 0 else {
        listing.missing.append(Skipped(path: child, reason: "vanished while listing"))
        continue
      }
      let kind = st.st_mode & S_IFMT
      let name = (child as NSString).lastPathComponent
      if name.hasPrefix(".") {
        listing.skipped.append(Skipped(path: child, reason: "hidden"))
        continue
      }
      if kind == S_IFDIR {
        walkDirectory(child, into: &listing)
      } else if kind == S_IFLNK {
        var target = stat()
        if stat(child, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR {
          listing.skipped.append(Skipped(path: child, reason: "symbolic link to a folder (not followed)"))
        } else if Self.noticeExtensions.contains(ext(child)) {
          listing.files.append(child)
        } else {
          listing.skipped.append(Skipped(path: child, reason: "not a notice file extension"))
        }
      } else if kind == S_IFREG {
        if Self.noticeExtensions.contains(ext(child)) {
          listing.files.append(child)
        } else {
          listing.skipped.append(Skipped(path: child, reason: "not a notice file extension"))
        }
      } else {
        listing.skipped.append(Skipped(path: child, reason: "not a regular file"))
      }
    }
  }

  private func ext(_ path: String) -> String { (path as NSString).pathExtension.lowercased() }
}
