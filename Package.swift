// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MediaArchive",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "media-archive", targets: ["media-archive"]),
        .library(name: "MediaArchive", targets: ["MediaArchive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // C libraries, reached only through the wrappers in MediaProbe and Exif.
        .systemLibrary(
            name: "CFFmpeg",
            path: "CFFmpeg",
            pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswscale-dev"])]
        ),
        .systemLibrary(
            name: "CExif",
            path: "CExif",
            pkgConfig: "libexif",
            providers: [.apt(["libexif-dev", "libheif-dev"])]
        ),

        .target(name: "MediaProbe", dependencies: ["CFFmpeg"]),
        .target(name: "Exif", dependencies: ["CExif"]),
        .target(
            name: "MediaArchive",
            dependencies: ["MediaProbe", "Exif", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The web app (issue 5): Hummingbird routes over the MediaArchive domain.
        .target(
            name: "ArchiveServer",
            dependencies: [
                "MediaArchive",
                .product(name: "Hummingbird", package: "hummingbird"),
                // Only its streaming MultipartParser: uploads go to disk part by part.
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "media-archive",
            dependencies: [
                "MediaArchive",
                "ArchiveServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Registration forms (issue 11): DOCX/XLSX read with limits, XLSX/CSV written; then the
        // two forms' records read from those tables and the bureau's consolidated export.
        .target(name: "OfficeDocuments", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "RegistrationForms", dependencies: ["OfficeDocuments"]),

        // Benchmarks only (bench/catalogue-scale): times Catalog.add in process.
        .executableTarget(name: "catalogue-bench", dependencies: ["MediaArchive"], path: "bench/CatalogueBench"),

        // Locates Tests/Fixtures and ../shared/corpus for every test target.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MediaProbeTests", dependencies: ["MediaProbe", "TestSupport"]),
        .testTarget(name: "ExifTests", dependencies: ["Exif", "TestSupport"]),
        .testTarget(name: "OfficeDocumentsTests", dependencies: ["OfficeDocuments", "TestSupport"]),
        .testTarget(name: "RegistrationFormsTests", dependencies: ["RegistrationForms", "OfficeDocuments", "TestSupport"]),
        .testTarget(name: "MediaArchiveTests", dependencies: ["MediaArchive", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["media-archive", "TestSupport"]),
        .testTarget(
            name: "ArchiveServerTests",
            dependencies: [
                "ArchiveServer", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
