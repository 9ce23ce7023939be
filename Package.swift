// swift-tools-version:6.0
import PackageDescription

/// Imports are internal unless a file says `public import`: no wrapper type (FFmpeg's, libexif's,
/// libheif's) can reach the domain's public API by accident, and what a public signature needs
/// is spelt out. Swift 6's upcoming feature, on the wrappers, MediaFacts and the domain.
let internalImports: [SwiftSetting] = [.enableUpcomingFeature("InternalImportsByDefault")]

let package = Package(
    name: "MediaArchive",
    // No `platforms:`: the package is built and run on Debian 12 only (apt's FFmpeg 5.1, libexif,
    // libheif from bookworm-backports; Glibc calls in AtomicFile). It claimed macOS 15 without
    // ever being built there.
    products: [
        .executable(name: "media-archive", targets: ["media-archive"]),
        .library(name: "MediaArchive", targets: ["MediaArchive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        // /metrics (issue 13): Prometheus text over the swift-metrics API Hummingbird reports through.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The server imports these itself (not only through Hummingbird), so they are named here.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // The web app's pages: Mustache templates, HTML-escaped unless a template says otherwise.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // S3Store (issue 14): the HTTP client under the S3 requests.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        // The PostgreSQL catalogue (issue 14).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // C libraries, reached only through the wrappers in MediaProbe and Exif.
        // FFmpeg's headers, and FFmpeg itself loaded on first use rather than linked: linking
        // it loads 135 shared libraries into every command (CFFmpeg/lazy_ffmpeg.c says why).
        // Needs libavformat-dev libavcodec-dev libavutil-dev libswscale-dev (install-deps.sh).
        .target(name: "CFFmpeg", path: "CFFmpeg", publicHeadersPath: "include", linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(
            name: "CExif",
            path: "CExif",
            pkgConfig: "libexif",
            providers: [.apt(["libexif-dev", "libheif-dev"])]
        ),

        .target(name: "MediaProbe", dependencies: ["CFFmpeg"], swiftSettings: internalImports),
        .target(name: "Exif", dependencies: ["CExif"], swiftSettings: internalImports),
        // What a file is and says about itself, answered once from the wrappers' readings.
        .target(name: "MediaFacts", dependencies: ["MediaProbe", "Exif"], swiftSettings: internalImports),
        // The domain judges facts; it imports no wrapper.
        .target(
            name: "MediaArchive",
            dependencies: ["RegistrationForms", "OfficeDocuments", "MediaFacts", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: internalImports
        ),
        // Issue 12: untrusted files read in worker processes (the same binary, `media-archive worker`)
        // under CPU, memory and wall-clock limits; the server's pool of them.
        .target(name: "FactsWorkers", dependencies: ["MediaArchive", "MediaFacts"]),
        // The web app (issue 5): Hummingbird routes over the MediaArchive domain.
        .target(
            name: "ArchiveServer",
            dependencies: [
                "MediaArchive",
                "MediaFacts",
                "FactsWorkers",
                .product(name: "Hummingbird", package: "hummingbird"),
                // Only its streaming MultipartParser: uploads go to disk part by part.
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                // The static files' ETags.
                .product(name: "Crypto", package: "swift-crypto"),
                // Only its CRC-32, for the board's streamed hand-over zip (StoredZip).
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // Compiled into the binary (PackageResources.<file>), not copied into a bundle beside
            // it: the .deb ships /usr/bin/media-archive alone, and it must still serve its pages.
            resources: [.embedInCode("Templates"), .embedInCode("Assets")]
        ),
        .executableTarget(
            name: "media-archive",
            dependencies: [
                "MediaArchive",
                "MediaFacts",
                "ArchiveServer",
                "ArchiveBackends",
                "FactsWorkers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Registration forms (issue 11): DOCX/XLSX read with limits, XLSX/CSV written; then the
        // two forms' records read from those tables and the bureau's consolidated export.
        .target(name: "OfficeDocuments", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "RegistrationForms", dependencies: ["OfficeDocuments"]),
        // Issue 14: objects in any S3-compatible store (Ceph RGW, MinIO, AWS), signed with SigV4.
        .target(
            name: "S3Store",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Issue 14: the object store in S3 and the catalogue in PostgreSQL, behind MediaArchive's
        // ObjectStore and EntryCatalogue seams. MediaArchive itself knows no network.
        .target(
            name: "ArchiveBackends",
            dependencies: [
                "MediaArchive", "MediaFacts", "S3Store",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Benchmarks only (bench/s3-vs-awscli): times S3Store put/get of one file.
        .executableTarget(name: "s3-bench", dependencies: ["S3Store"], path: "bench/S3Bench"),

        // Benchmarks only (bench/catalogue-scale): times Catalog.add in process.
        .executableTarget(name: "catalogue-bench", dependencies: ["MediaArchive"], path: "bench/CatalogueBench"),

        // Locates Tests/Fixtures and ../shared/corpus for every test target.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MediaProbeTests", dependencies: ["MediaProbe", "TestSupport"]),
        .testTarget(name: "ExifTests", dependencies: ["Exif", "MediaFacts", "TestSupport"]),
        .testTarget(name: "MediaFactsTests", dependencies: ["MediaFacts", "TestSupport"]),
        .testTarget(name: "MediaArchiveTests", dependencies: ["MediaArchive", "MediaFacts", "TestSupport"]),
        .testTarget(name: "OfficeDocumentsTests", dependencies: ["OfficeDocuments", "TestSupport"]),
        .testTarget(name: "RegistrationFormsTests", dependencies: ["RegistrationForms", "OfficeDocuments", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["media-archive", "TestSupport"]),
        // SigV4 against AWS's published vectors, XML and error parsing: no network.
        .testTarget(name: "S3StoreTests", dependencies: ["S3Store"], resources: [.copy("Fixtures")]),
        // Against a real S3 endpoint (scripts/with-services.sh starts Ceph RGW); skipped without one.
        .testTarget(
            name: "S3ContractTests",
            dependencies: [
                "S3Store",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Ingest, search, status, verify, export on Ceph RGW + PostgreSQL (scripts/with-services.sh);
        // skipped without them.
        .testTarget(
            name: "BackendTests",
            dependencies: [
                "ArchiveBackends", "MediaArchive", "S3Store", "TestSupport", "media-archive",
                // The web app's routes on both deployments (ServeOnBackendsTests).
                "ArchiveServer", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ArchiveServerTests",
            dependencies: [
                "ArchiveServer", "TestSupport", "FactsWorkers", "MediaFacts",
                // The worker pool's tests run the built binary in worker mode.
                "media-archive",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
