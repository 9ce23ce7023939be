import Testing
@testable import MediaProbe

/// Turning pictures upright: a 3×2 picture with a distinct colour per corner.
struct RGBImageTests {
    //  R . G
    //  B . W      (R red, G green, B blue, W white, . grey)
    static let picture: RGBImage = {
        let red: [UInt8] = [255, 0, 0], green: [UInt8] = [0, 255, 0], blue: [UInt8] = [0, 0, 255]
        let white: [UInt8] = [255, 255, 255], grey: [UInt8] = [128, 128, 128]
        return RGBImage(width: 3, height: 2, pixels: red + grey + green + blue + grey + white)
    }()

    typealias Corners = (topLeft: String, topRight: String, bottomLeft: String, bottomRight: String)

    static func name(_ pixel: (red: UInt8, green: UInt8, blue: UInt8)) -> String {
        switch (pixel.red, pixel.green, pixel.blue) {
        case (255, 0, 0): "R"
        case (0, 255, 0): "G"
        case (0, 0, 255): "B"
        case (255, 255, 255): "W"
        default: "?"
        }
    }

    static func corners(_ image: RGBImage) -> String {
        [name(image.pixel(x: 0, y: 0)), name(image.pixel(x: image.width - 1, y: 0)),
         name(image.pixel(x: 0, y: image.height - 1)), name(image.pixel(x: image.width - 1, y: image.height - 1))].joined()
    }

    /// What each EXIF orientation does to the stored picture when displayed
    /// (corners listed top-left, top-right, bottom-left, bottom-right).
    @Test(arguments: [
        (1, "RGBW", 3, 2),
        (2, "GRWB", 3, 2), // mirrored left-right
        (3, "WBGR", 3, 2), // turned 180°
        (4, "BWRG", 3, 2), // mirrored top-bottom
        (5, "RBGW", 2, 3), // transposed
        (6, "BRWG", 2, 3), // turned 90° clockwise
        (7, "WGBR", 2, 3), // transverse
        (8, "GWRB", 2, 3), // turned 90° anticlockwise
    ])
    func exifOrientationTurnsThePictureUpright(orientation: Int, corners: String, width: Int, height: Int) {
        let upright = Self.picture.upright(exifOrientation: orientation)
        #expect(upright.width == width && upright.height == height)
        #expect(Self.corners(upright) == corners)
    }

    @Test func displayRotationMatchesFFprobeSign() {
        // -90 (an upright phone clip): turn 90° clockwise, like EXIF orientation 6.
        #expect(Self.corners(Self.picture.upright(displayRotation: -90)) == "BRWG")
        #expect(Self.corners(Self.picture.upright(displayRotation: 90)) == "GWRB")
        #expect(Self.corners(Self.picture.upright(displayRotation: 180)) == "WBGR")
        #expect(Self.corners(Self.picture.upright(displayRotation: 0)) == "RGBW")
    }

    @Test func meanBrightnessTellsBlackFromBright() {
        let black = RGBImage(width: 2, height: 2, pixels: [UInt8](repeating: 0, count: 12))
        let white = RGBImage(width: 2, height: 2, pixels: [UInt8](repeating: 255, count: 12))
        #expect(black.meanBrightness < 1)
        #expect(white.meanBrightness > 254)
    }

    @Test func scalingNeverEnlarges() throws {
        #expect(try Self.picture.scaled(toLongEdge: 320) == Self.picture)
        let big = RGBImage(width: 640, height: 480, pixels: [UInt8](repeating: 90, count: 640 * 480 * 3))
        let small = try big.scaled(toLongEdge: 320)
        #expect(small.width == 320 && small.height == 240)
    }
}
