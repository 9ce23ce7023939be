import Foundation
import Synchronization
import Testing
@testable import ArchiveBackends

/// The PostgreSQL schema is created at first open and not touched again.
@Suite(.serialized, .enabled(if: Services.areRunning, Services.skipMessage))
struct PostgresSchemaTests {
    @Test func migrationsAreRecordedAndAppliedOnce() throws {
        let url = try Services.fresh().catalogueURL
        // Opened twice at once: the advisory lock lets one of them create the schema.
        let opened = ParallelOpen.open(url, count: 3)
        #expect(opened.allSatisfy { $0 })
        let catalogue = try PostgresCatalogue(url: url)
        let versions = try catalogue.appliedMigrations()
        #expect(versions == PostgresMigrations.steps.map(\.version))
    }

    @Test func aBadAddressSaysWhatToGive() throws {
        #expect(throws: CatalogueSettingError.self) { try PostgresCatalogue(url: "mysql://x@y/z") }
        #expect(throws: StoreSettingError.self) { try Backends.open(store: "ftp://bucket", catalogue: nil) }
    }
}

enum ParallelOpen {
    /// Opens the catalogue from `count` threads at once; whether each succeeded.
    static func open(_ url: String, count: Int) -> [Bool] {
        let results = Mutex([Bool](repeating: false, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let opened = (try? PostgresCatalogue(url: url)) != nil
            results.withLock { $0[index] = opened }
        }
        return results.withLock { $0 }
    }
}
