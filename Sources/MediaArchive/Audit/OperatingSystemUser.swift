import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The login name of whoever runs the command: the password database's name for the effective
/// user (so `sudo -u media-archive` records media-archive), else $USER, else the numeric id.
enum OperatingSystemUser {
    static func name(environment: [String: String]) -> String {
        let uid = geteuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "uid \(uid)"
    }
}
