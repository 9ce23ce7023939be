@testable import Exif
@testable import MediaFacts

extension PhotoMetadata {
    /// The position MediaFacts makes of the GPS tags Exif hands up: what the tests compare
    /// with exiftool and the fixtures' known places.
    var position: GPSPosition? { GPSPosition(exif: gps) }
}
