/// A HEIF photo's main image as stored and as shown, read from the file's boxes alone
/// (no libheif): the stored size (`ispe`), the transforms the file applies (`clap`, `irot`,
/// `imir`), the displayed size after them, and the EXIF orientation that says the same.
///
/// A HEIF's transforms are the file's own account of how to show the picture; a viewer applies
/// them and never the EXIF orientation on top (iPhones write both, and they agree).
public struct HEIFLayout: Sendable, Equatable {
    /// The picture as coded, before any transform (`ispe`); nil when the file does not say.
    public var storedWidth: Int?
    public var storedHeight: Int?
    /// The picture as shown: cropped, then turned.
    public var displayWidth: Int?
    public var displayHeight: Int?
    /// The file's rotations and mirrorings as one EXIF orientation (1 = as stored … 8).
    public var orientation: Int

    /// - Throws: ``ExifError`` (`notAPhoto` for a file without HEIF boxes, `damagedContainer`
    ///   when the boxes that say where the main image is are damaged), or the file's open errors.
    public static func read(path: String) throws -> HEIFLayout {
        let boxes = try HEIFBoxes.read(path: path)
        return HEIFLayout(boxes)
    }
}

extension HEIFLayout {
    /// The layout the boxes describe: the transforms applied in the order the file lists them.
    init(_ boxes: HEIFBoxes) {
        storedWidth = boxes.storedWidth
        storedHeight = boxes.storedHeight
        var turn = PlaneTurn.identity
        var size = boxes.storedWidth.flatMap { width in boxes.storedHeight.map { (width, $0) } }
        for transform in boxes.transforms {
            switch transform {
            case .crop(let width, let height):
                size = (width, height)
            case .rotation(let degrees):
                turn = PlaneTurn.counterClockwise(degrees).after(turn)
                if degrees % 180 != 0, let (width, height) = size { size = (height, width) }
            case .mirror(let leftToRight):
                turn = (leftToRight ? PlaneTurn.mirrorLeftRight : PlaneTurn.mirrorTopBottom).after(turn)
            }
        }
        displayWidth = size?.0
        displayHeight = size?.1
        orientation = turn.exifOrientation
    }
}

extension HEIFBoxes {
    /// Opens the file and reads its boxes, the refusals worded as ``ExifError``s.
    static func read(path: String) throws -> HEIFBoxes {
        let file = try PhotoFile(path: path)
        do {
            return try read(file)
        } catch .notHEIF {
            throw ExifError(ExifError.notAPhoto, path: path, message: "this is not a HEIF/HEIC photo")
        } catch .noMetaBox {
            throw ExifError(ExifError.damagedContainer, path: path,
                            message: "the HEIF file has no meta box, so its main image cannot be found")
        } catch .damaged(let detail) {
            throw ExifError(ExifError.damagedContainer, path: path,
                            message: "the HEIF container is damaged; the photo cannot be read", libraryMessage: detail)
        }
    }
}

/// One of the eight ways to turn and mirror a picture on screen, as the 2×2 matrix it applies
/// to (x, y) with y pointing down; what EXIF orientations 1–8 name.
struct PlaneTurn: Equatable {
    var xx, xy, yx, yy: Int

    static let identity = PlaneTurn(xx: 1, xy: 0, yx: 0, yy: 1)
    static let mirrorLeftRight = PlaneTurn(xx: -1, xy: 0, yx: 0, yy: 1)
    static let mirrorTopBottom = PlaneTurn(xx: 1, xy: 0, yx: 0, yy: -1)
    /// A quarter turn clockwise on screen: right becomes down.
    static let clockwise = PlaneTurn(xx: 0, xy: -1, yx: 1, yy: 0)

    static func counterClockwise(_ degrees: Int) -> PlaneTurn {
        let quarters = ((-degrees / 90) % 4 + 4) % 4  // counter-clockwise is clockwise backwards
        return (0..<quarters).reduce(identity) { turn, _ in clockwise.after(turn) }
    }

    /// This turn done after `first`.
    func after(_ first: PlaneTurn) -> PlaneTurn {
        PlaneTurn(xx: xx * first.xx + xy * first.yx, xy: xx * first.xy + xy * first.yy,
                  yx: yx * first.xx + yy * first.yx, yy: yx * first.xy + yy * first.yy)
    }

    /// EXIF's numbering of the same turn (TIFF 6.0, tag 0x0112).
    var exifOrientation: Int {
        let byOrientation: [(Int, PlaneTurn)] = [
            (1, .identity), (2, .mirrorLeftRight), (3, PlaneTurn(xx: -1, xy: 0, yx: 0, yy: -1)), (4, .mirrorTopBottom),
            (5, PlaneTurn(xx: 0, xy: 1, yx: 1, yy: 0)), (6, .clockwise), (7, PlaneTurn(xx: 0, xy: -1, yx: -1, yy: 0)),
            (8, PlaneTurn(xx: 0, xy: 1, yx: -1, yy: 0)),
        ]
        return byOrientation.first { $0.1 == self }?.0 ?? 1
    }
}
