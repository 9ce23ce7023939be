public import Foundation

/// Where the archive lives and the rules and registry it is run by.
public struct ArchiveSettings: Sendable {
    public var root: URL
    public var policy: SubmissionPolicy
    public var counties: CountyRegistry
    /// The science weeks the archive knows (`rounds/`, or the policy's one week).
    public var rounds: RoundRegistry

    public init(root: URL, policy: SubmissionPolicy, counties: CountyRegistry, rounds: RoundRegistry? = nil) {
        self.root = root
        self.policy = policy
        self.counties = counties
        self.rounds = rounds ?? .fromPolicy(policy)
    }

    /// The archive root: `--archive DIR`, else `$MEDIA_ARCHIVE`, else `./Archive`.
    public static func root(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let path = flag ?? environment["MEDIA_ARCHIVE"].flatMap { $0.isEmpty ? nil : $0 } ?? "Archive"
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// Throws `notAnArchive` unless the root is a folder: reading from a mistyped archive path
    /// would otherwise report an empty archive as if that were the truth.
    public func requireArchiveFolder() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ArchiveError.notAnArchive(path: root.path)
        }
    }

    /// Loads the policy (`policyFile`, else `<root>/policy.json`, else the defaults) and the
    /// county registry (`<root>/counties.json`, else the Puyang defaults).
    public static func load(root: URL, policyFile: String? = nil) throws -> ArchiveSettings {
        let policyURL = policyFile.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("policy.json")
        let policy: SubmissionPolicy
        if policyFile != nil || FileManager.default.fileExists(atPath: policyURL.path) {
            policy = try SubmissionPolicy.load(from: policyURL)
        } else {
            policy = .defaults
        }
        let countiesURL = root.appendingPathComponent("counties.json")
        let counties = FileManager.default.fileExists(atPath: countiesURL.path)
            ? try CountyRegistry.load(from: countiesURL)
            : .puyang
        return ArchiveSettings(root: root, policy: policy, counties: counties,
                               rounds: try RoundRegistry.load(root: root, policy: policy))
    }
}
