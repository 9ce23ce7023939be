import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A catalogue day folder's identity and times: what a kept tally of the day is checked against.
///
/// Every catalogue write replaces a shard by a rename inside the day's folder, which moves the
/// folder's modification time; the change time also moves when a tool sets the modification
/// time back (a restore, rsync), and the inode when the folder is replaced. File times are
/// coarse (a write in the same clock tick as a tally would leave them unchanged), so a folder
/// changed in the last `settleSeconds` is not to be trusted (`isSettled`). A shard edited in
/// place by hand, without a rename, does not move the folder's times.
struct FolderStamp: Sendable, Equatable {
    var seconds: Int
    var nanoseconds: Int
    var changedSeconds: Int
    var changedNanoseconds: Int
    var inode: UInt64
    var device: UInt64

    /// A change this recent is too close to trust the folder's time.
    static let settleSeconds = 2

    /// Nil when the folder cannot be looked at (it does not exist).
    static func of(_ path: String) -> FolderStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FolderStamp(info)
    }

    /// The folder `name` inside the open folder `directory` (`fstatat`: no path walked from `/`).
    static func of(_ name: UnsafePointer<CChar>, in directory: Int32) -> FolderStamp? {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else { return nil }
        return FolderStamp(info)
    }


    /// Whether the folder last changed long enough ago that a tally of it can be kept. (By the
    /// modification time, which every write moves; a restore that sets it back also moves the
    /// change time, so the kept stamp no longer matches anyway.)
    func isSettled(now: Date = Date()) -> Bool {
        seconds < Int(now.timeIntervalSince1970) - Self.settleSeconds
    }
}

extension FolderStamp {
    // In an extension, so that the memberwise initializer stays.
    fileprivate init(_ info: stat) {
        #if canImport(Darwin)
        self.init(seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec,
                  changedSeconds: info.st_ctimespec.tv_sec, changedNanoseconds: info.st_ctimespec.tv_nsec,
                  inode: UInt64(info.st_ino), device: UInt64(bitPattern: Int64(info.st_dev)))
        #else
        self.init(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec,
                  changedSeconds: info.st_ctim.tv_sec, changedNanoseconds: info.st_ctim.tv_nsec,
                  inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
        #endif
    }
}
