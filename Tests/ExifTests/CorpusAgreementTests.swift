import Foundation
import Testing

@testable import Exif
@testable import MediaFacts

/// Compares the reader with exiftool 12.57 over the shared real-world corpus
/// (`<packageRoot>/../shared/corpus`, oracles `oracle/photos-exif.json` and `oracle/photos-ios18.json`).
@Suite("Agreement with exiftool on the real-world corpus")
struct CorpusAgreementTests {
    /// A field where we knowingly differ from exiftool, and why.
    struct Accepted: Hashable {
        var file: String
        var field: String
        var reason: String
    }

    /// Every accepted disagreement, by file and field. The test fails if one of these
    /// stops happening (so the list stays true) or if any other disagreement appears.
    static let accepted: [Accepted] = [
        Accepted(
            file: "photos/exif-samples/jpg/tests/30-type_error.jpg", field: "CaptureTime",
            reason: """
                IFD0's ExifOffset pointer is typed as a 154-byte string instead of a LONG. exiftool \
                refuses to follow it and falls back to ModifyDate (2013:07:07); libexif follows the \
                offset, finds a valid EXIF IFD and reads DateTimeOriginal 2013:07:05 03:18:27, which the \
                file's XMP confirms (2013-07-05T03:18:27Z). Ours is the better answer.
                """),
    ]

    // Skips, with the reason shown in the test report, on machines that only have the project.
    @Test(
        "capture time, camera, orientation, GPS and text agree with exiftool",
        .enabled(if: Fixtures.hasCorpus, "the shared corpus (../shared/corpus) is not on this machine")
    )
    func agreement() throws {
        var oracle = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.corpusOracle)) as! [[String: Any]]
        // The iOS 18 photo libheif 1.15 refuses: read through libheif ≥ 1.17, or from its boxes.
        oracle += try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.iOS18Oracle)) as! [[String: Any]]
        #expect(oracle.contains { ($0["SourceFile"] as? String)?.hasPrefix("photos/ios18/") == true })
        var comparison = Comparison()
        for record in oracle {
            let file = record["SourceFile"] as! String
            comparison.check(file: file, oracle: record)
        }
        let acceptedKeys = Set(Self.accepted.map { "\($0.file) | \($0.field)" })
        let found = Set(comparison.disagreements.keys)
        for key in found.subtracting(acceptedKeys).sorted() {
            Issue.record("disagreement: \(key): \(comparison.disagreements[key]!)")
        }
        for key in acceptedKeys.subtracting(found).sorted() {
            Issue.record("accepted disagreement no longer happens, remove it from the list: \(key)")
        }
        print(
            """
            corpus agreement: \(comparison.filesChecked) files, \(comparison.fieldsCompared) fields compared, \
            \(comparison.fieldsCompared - found.count) agree, \(found.count) disagree \
            (\(found.intersection(acceptedKeys).count) accepted); \
            \(comparison.datesRejectedByPolicy) oracle dates rejected as impossible by policy; per field: \
            \(comparison.comparedPerField.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            """)
    }
}

/// Tallies one file at a time.
private struct Comparison {
    var filesChecked = 0
    var fieldsCompared: Int { comparedPerField.values.reduce(0, +) }
    var comparedPerField: [String: Int] = [:]
    var datesRejectedByPolicy = 0
    /// "file | field" → what each side said.
    var disagreements: [String: String] = [:]

    mutating func check(file: String, oracle: [String: Any]) {
        filesChecked += 1
        let path = Fixtures.corpus.appendingPathComponent(file).path
        let ours: PhotoMetadata
        do {
            ours = try PhotoMetadataReader.read(contentsOf: path)
        } catch {
            ours = PhotoMetadata()
        }
        compareCaptureTime(file, oracle, ours)
        compareText(file, "Make", oracle["Make"], ours.make)
        compareText(file, "Model", oracle["Model"], ours.model)
        if let orientation = number(oracle["Orientation"]).map({ Int($0) }) {
            compare(file, "Orientation", expected: (1...8).contains(orientation) ? orientation : nil, actual: ours.orientation)
        }
        compareGPS(file, oracle, ours)
        compareText(file, "ImageDescription", oracle["ImageDescription"], ours.description)
        compareText(file, "XPTitle", oracle["XPTitle"], oracle["XPTitle"] == nil ? nil : ours.title)
        if oracle["XPComment"] != nil {
            compareText(file, "XPComment", oracle["XPComment"], ours.comment)
        } else {
            compareText(file, "UserComment", oracle["UserComment"], ours.comment)
        }
    }

    /// DateTimeOriginal, else CreateDate, else ModifyDate: the first that is a possible date.
    mutating func compareCaptureTime(_ file: String, _ oracle: [String: Any], _ ours: PhotoMetadata) {
        let chain: [(String, CaptureTimeTag)] = [
            ("DateTimeOriginal", .dateTimeOriginal), ("CreateDate", .dateTimeDigitized), ("ModifyDate", .dateTime),
        ]
        let present = chain.filter { oracle[$0.0] != nil }
        guard !present.isEmpty else { return }
        for (key, tag) in present {
            let text = "\(oracle[key]!)"
            guard TimeStamp.parseEXIF(text) != nil else {
                datesRejectedByPolicy += 1
                continue
            }
            var expected = text.trimmingExifPadding()
            let time = PhotoFacts.captureTime(in: ours)?.time
            var actual = time.map { exifStyle($0.fields) } ?? "nil"
            actual += " (\(ours.captureTimeTag?.rawValue ?? "-"))"
            expected += " (\(tag.rawValue))"
            if tag == .dateTimeOriginal {
                // Only the Original companions are in the oracle.
                let subsecond = oracle["SubSecTimeOriginal"].flatMap { TimeStamp.exifNanoseconds(fromSubsecond: "\($0)") }
                let offset = oracle["OffsetTimeOriginal"].flatMap { TimeStamp.exifUTCOffsetSeconds(from: "\($0)") }
                expected += " ns=\(subsecond.map(String.init) ?? "-") offset=\(offset.map(String.init) ?? "-")"
                let nanoseconds = time.flatMap { $0.hasFraction ? $0.fields.nanosecond : nil }
                actual += " ns=\(nanoseconds.map(String.init) ?? "-") offset=\(time?.offset.map(String.init) ?? "-")"
            }
            compare(file, "CaptureTime", expected: expected, actual: actual)
            return
        }
        compare(file, "CaptureTime", expected: "nil (-)",
                actual: PhotoFacts.captureTime(in: ours).map { exifStyle($0.time.fields) } ?? "nil (-)")
    }

    mutating func compareGPS(_ file: String, _ oracle: [String: Any], _ ours: PhotoMetadata) {
        guard oracle["GPSLatitude"] != nil || oracle["GPSLongitude"] != nil else { return }
        comparedPerField["GPSPosition", default: 0] += 1
        guard let latitude = number(oracle["GPSLatitude"]), let longitude = number(oracle["GPSLongitude"]) else {
            // exiftool shows empty GPS tags ("") for blank fields: there is no position.
            if let gps = ours.position { disagreements["\(file) | GPSPosition"] = "exiftool blank; ours \(gps)" }
            return
        }
        let signedLatitude = (oracle["GPSLatitudeRef"] as? String) == "S" ? -latitude : latitude
        let signedLongitude = (oracle["GPSLongitudeRef"] as? String) == "W" ? -longitude : longitude
        let latitudeOK = ours.position.map { abs($0.latitude - signedLatitude) < 1e-6 } ?? false
        let longitudeOK = ours.position.map { abs($0.longitude - signedLongitude) < 1e-6 } ?? false
        if !(latitudeOK && longitudeOK) {
            disagreements["\(file) | GPSPosition"] =
                "exiftool \(signedLatitude), \(signedLongitude); ours \(ours.position.map { "\($0.latitude), \($0.longitude)" } ?? "nil")"
        }
        guard oracle["GPSAltitude"] != nil else { return }
        comparedPerField["GPSAltitude", default: 0] += 1
        let expected = number(oracle["GPSAltitude"]).map { number(oracle["GPSAltitudeRef"]) == 1 ? -$0 : $0 }
        let agree: Bool
        switch (expected, ours.position?.altitude) {
        case (nil, nil): agree = true
        case let (expected?, actual?): agree = abs(expected - actual) < 0.01
        default: agree = false
        }
        if !agree {
            disagreements["\(file) | GPSAltitude"] = "exiftool \(String(describing: expected)); ours \(String(describing: ours.position?.altitude))"
        }
    }

    /// JSON numbers arrive as Int or Double depending on how they look.
    private func number(_ value: Any?) -> Double? {
        switch value {
        case let value as Int: return Double(value)
        case let value as Double: return value
        default: return nil
        }
    }

    mutating func compareText(_ file: String, _ field: String, _ oracle: Any?, _ ours: String?) {
        guard let oracle else { return }
        let expected = "\(oracle)".trimmingExifPadding()
        compare(file, field, expected: expected.isEmpty ? nil : expected, actual: ours)
    }

    mutating func compare<T: Equatable>(_ file: String, _ field: String, expected: T?, actual: T?) {
        comparedPerField[field, default: 0] += 1
        if expected != actual {
            disagreements["\(file) | \(field)"] =
                "exiftool \(expected.map { "\($0)" } ?? "nil"); ours \(actual.map { "\($0)" } ?? "nil")"
        }
    }

    private func exifStyle(_ time: TimeStamp.Fields) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(time.year):\(two(time.month)):\(two(time.day)) \(two(time.hour)):\(two(time.minute)):\(two(time.second))"
    }
}
