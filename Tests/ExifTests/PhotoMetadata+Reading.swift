import Foundation

@testable import Exif
@testable import MediaFacts

extension PhotoMetadataReader {
    /// Reads the file as the tool does: its container as MediaFacts' sniffer finds it.
    static func read(contentsOf path: String) throws -> PhotoMetadata {
        try read(contentsOf: path, container: PhotoContainerSniff.container(path: path, signature: ContentSignature.read(path: path)))
    }
}

extension PhotoMetadata {
    /// The tag of the date that counts (the first possible one, as `TimeStamp` reads it).
    var captureTimeTag: CaptureTimeTag? { PhotoFacts.captureTime(in: self)?.tag }

    /// That date as ISO 8601, with `assumingOffset` where the photo wrote no offset.
    func captureStamp(assumingOffset offset: Int) -> String? {
        guard let time = PhotoFacts.captureTime(in: self)?.time,
              let zone = TimeZone(secondsFromGMT: offset),
              let captured = CaptureTime.local(time.fields, utcOffsetSeconds: time.offset, zone: zone,
                                               source: .none, hasFraction: time.hasFraction)
        else { return nil }
        return captured.iso8601
    }
}
