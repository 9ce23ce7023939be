// catalogue-bench — in-process timings for bench/catalogue-scale.
//
//   catalogue-bench add   ARCHIVE TEMPLATE.json COUNTY DAY[,DAY…] RUNS
//       RUNS calls of Catalog(settings:).add(entry), each timed alone with ContinuousClock.
//       The entry is TEMPLATE.json (one catalogue entry) with a fresh random SHA-256, the
//       county, and the next day from the list (cycled): one day = every add to the same shard.
//   catalogue-bench parts ARCHIVE COUNTY DAY SHA256 RUNS
//       What one add is made of, redone by hand on that county's real files: read + decode
//       the locator shard and the day shard the SHA-256 goes to (one of the day's 16:
//       days/YYYY/YYYY-MM-DD/<first hex digit>.json), encode both (the day shard as
//       CountyCatalog.writeShard does: one compact entry per line), and write both the way
//       AtomicFile does (temp file, write, fsync, rename, fsync the folder), into scratch
//       files that are then removed, so the catalogue is left as it was.
//   catalogue-bench search ARCHIVE COUNTY FROM|- TO|- RUNS
//       In process (no process start), each timed separately: Catalog.searchJSONLines (what
//       `search --json` runs: the stored entry lines, not decoded), the assembly of the
//       printed text from those lines (as JSONOutput.printLines), and for comparison
//       Catalog.search (every entry decoded: the table view and the library).
//
// Prints one JSON object on stdout (milliseconds). Only for benchmarks: not a product.
import Foundation
import MediaArchive
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("catalogue-bench: \(message)\n".utf8))
    exit(2)
}

func ms(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
}

func randomSHA256() -> String {
    var generator = SystemRandomNumberGenerator()
    let digits = Array("0123456789abcdef")
    return String((0..<64).map { _ in digits[Int(generator.next() % 16)] })
}

func parseDay(_ text: String) -> CalendarDay {
    guard let day = CalendarDay(parsing: text) else { fail("not a day: \(text)") }
    return day
}

func printJSON(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: catalogue-bench add|parts …") }
let clock = ContinuousClock()

switch arguments[1] {
case "add":
    guard arguments.count == 7, let runs = Int(arguments[6]), runs > 0 else {
        fail("usage: catalogue-bench add ARCHIVE TEMPLATE.json COUNTY DAY[,DAY…] RUNS")
    }
    let root = URL(fileURLWithPath: arguments[2], isDirectory: true)
    let template: CatalogEntry
    do {
        template = try JSONDecoder().decode(CatalogEntry.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[3])))
    } catch { fail("cannot read the template entry: \(error)") }
    let county = arguments[4]
    let days = arguments[5].split(separator: ",").map { parseDay(String($0)) }
    let catalog: Catalog
    do { catalog = Catalog(settings: try ArchiveSettings.load(root: root)) } catch { fail("\(error)") }
    var samples: [Double] = []
    for run in 0..<runs {
        var entry = template
        let sha = randomSHA256()
        let ext = ((entry.object ?? "") as NSString).pathExtension
        entry.sha256 = SHA256Hash(hex: sha)!  // randomSHA256 gives 64 lower-case hex digits
        entry.county = county
        entry.day = days[run % days.count]
        entry.object = "\(county)/objects/\(sha.prefix(2))/\(sha).\(ext.isEmpty ? "jpg" : ext)"
        entry.thumbnail = entry.thumbnail.map { _ in "\(county)/thumbs/\(sha.prefix(2))/\(sha).jpg" }
        entry.originalNames = ["bench-add-\(run).jpg"]
        let start = clock.now
        do {
            guard try catalog.add(entry) else { fail("entry \(sha) was not new") }
        } catch { fail("add failed: \(error)") }
        samples.append(ms(clock.now - start))
    }
    printJSON(["samples_ms": samples])

case "parts":
    guard arguments.count == 7, let runs = Int(arguments[6]), runs > 0 else {
        fail("usage: catalogue-bench parts ARCHIVE COUNTY DAY SHA256 RUNS")
    }
    let countyDir = URL(fileURLWithPath: arguments[2], isDirectory: true).appendingPathComponent(arguments[3])
    let day = parseDay(arguments[4])
    let sha = arguments[5]
    let dayFile = countyDir.appendingPathComponent(String(format: "index/days/%04d/\(day)/\(sha.prefix(1)).json", day.year))
    let hashFile = countyDir.appendingPathComponent("index/hashes/\(sha.prefix(2)).json")

    func atomicWrite(_ data: Data, like target: URL) {
        // As AtomicFile.write, but renamed onto a scratch name (then removed), not the target.
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".bench.\(UUID().uuidString).tmp")
        let scratch = folder.appendingPathComponent(".bench.\(UUID().uuidString).json")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { fail("cannot create \(temporary.path)") }
        data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { fail("write failed") }
                written += count
            }
        }
        fsync(fd)
        close(fd)
        rename(temporary.path, scratch.path)
        let dirFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        fsync(dirFD)
        close(dirFD)
        unlink(scratch.path)
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    var timings: [String: [Double]] = [:]
    func time(_ name: String, _ body: () throws -> Void) rethrows {
        let start = clock.now
        try body()
        timings[name, default: []].append(ms(clock.now - start))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    func encodeShard(_ shard: [CatalogEntry]) throws -> Data {  // as CountyCatalog.writeShard
        var data = Data("[\n".utf8)
        for (index, entry) in shard.enumerated() {
            data.append(try encoder.encode(entry))
            data.append(contentsOf: Array((index == shard.count - 1 ? "\n" : ",\n").utf8))
        }
        data.append(contentsOf: Array("]\n".utf8))
        return data
    }
    var dayEntries = 0, locatorEntries = 0, dayBytes = 0, locatorBytes = 0
    do {
        for _ in 0..<runs {
            var locator: [String: String] = [:]
            var shard: [CatalogEntry] = []
            var locatorData = Data(), shardData = Data()
            try time("read+decode locator shard") {
                locator = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: hashFile))
            }
            try time("read+decode day shard") {
                shard = try JSONDecoder().decode([CatalogEntry].self, from: Data(contentsOf: dayFile))
            }
            try time("encode locator shard") { locatorData = try encoder.encode(locator) }
            try time("encode day shard") { shardData = try encodeShard(shard) }
            time("atomic write locator shard (2 fsyncs)") { atomicWrite(locatorData, like: hashFile) }
            time("atomic write day shard (2 fsyncs)") { atomicWrite(shardData, like: dayFile) }
            time("fsync of an empty file + its folder") { atomicWrite(Data(), like: dayFile) }
            dayEntries = shard.count; locatorEntries = locator.count
            dayBytes = shardData.count; locatorBytes = locatorData.count
        }
    } catch { fail("\(error)") }
    var medians: [String: Double] = [:]
    for (name, values) in timings { medians[name] = median(values) }
    printJSON(["median_ms": medians, "dayEntries": dayEntries, "locatorEntries": locatorEntries,
               "dayBytes": dayBytes, "locatorBytes": locatorBytes, "runs": runs])

case "search":
    guard arguments.count == 7, let runs = Int(arguments[6]), runs > 0 else {
        fail("usage: catalogue-bench search ARCHIVE COUNTY FROM|- TO|- RUNS")
    }
    let root = URL(fileURLWithPath: arguments[2], isDirectory: true)
    var searchMS: [Double] = [], linesMS: [Double] = [], printMS: [Double] = []
    var found = 0, outputBytes = 0
    do {
        let settings = try ArchiveSettings.load(root: root)
        var query = CatalogQuery()
        query.counties = [try settings.counties.resolve(arguments[3])]
        query.from = arguments[4] == "-" ? nil : parseDay(arguments[4])
        query.to = arguments[5] == "-" ? nil : parseDay(arguments[5])
        let catalog = Catalog(settings: settings)
        for _ in 0..<runs {
            var start = clock.now
            let lines = try catalog.searchJSONLines(query)
            linesMS.append(ms(clock.now - start))
            start = clock.now
            // What JSONOutput.printLines writes, without the write to stdout.
            let data = Catalog.jsonArray(lines)
            printMS.append(ms(clock.now - start))
            start = clock.now
            let entries = try catalog.search(query)
            searchMS.append(ms(clock.now - start))
            guard entries.count == lines.count else { fail("search found \(entries.count), searchJSONLines \(lines.count)") }
            found = lines.count; outputBytes = data.count
        }
    } catch { fail("\(error)") }
    printJSON(["lines_ms": linesMS, "print_ms": printMS, "search_ms": searchMS, "entries": found, "outputBytes": outputBytes])

default:
    fail("unknown mode \(arguments[1])")
}
