import Foundation

/// The Python `bagit` package (the Library of Congress's reference implementation), run as an
/// independent judge of the bags `export --bagit` writes. Install it with
/// `python3 -m pip install bagit`; tests that need it skip when it is absent.
public enum BagItChecker {
    public static let missingNote = "the Python bagit package is not installed (python3 -m pip install bagit); BagIt validation skipped"

    public static let isAvailable: Bool = (try? run(["-c", "import bagit"]).status) == 0

    public struct Verdict {
        public var isValid: Bool
        /// bag-info.txt as bagit read it.
        public var info: [String: String]
        /// Payload paths from manifest-sha256.txt as bagit decoded them, with their SHA-256s.
        public var payload: [String: String]
        /// What bagit said when the bag is not valid.
        public var message: String
    }

    /// Validates the bag completely (every checksum, Payload-Oxum, tag manifests).
    public static func validate(_ bag: URL) throws -> Verdict {
        let script = """
            import bagit, json, sys
            result = {"valid": False, "info": {}, "payload": {}, "message": ""}
            try:
                bag = bagit.Bag(sys.argv[1])
                result["info"] = {k: (v if isinstance(v, str) else " | ".join(v)) for k, v in bag.info.items()}
                result["payload"] = {path: sums.get("sha256", "") for path, sums in bag.payload_entries().items()}
                bag.validate()
                result["valid"] = True
            except bagit.BagError as error:
                details = getattr(error, "details", None) or []
                result["message"] = str(error) + "".join("\\n  " + str(d) for d in details)
            print(json.dumps(result))
            """
        let output = try run(["-c", script, bag.path])
        guard let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any] else {
            return Verdict(isValid: false, info: [:], payload: [:], message: "bagit gave no answer: \(output.stderr)")
        }
        return Verdict(isValid: object["valid"] as? Bool ?? false,
                       info: object["info"] as? [String: String] ?? [:],
                       payload: object["payload"] as? [String: String] ?? [:],
                       message: object["message"] as? String ?? "")
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let output = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
        return (output.status, output.stdout, output.stderr)
    }
}
