import Foundation

/// `<county>/index/.day-tallies`: one county's `DayTallies` on disk, as lines of text that a
/// command-line run reads in a few milliseconds (docs/archive-format.md):
///
/// ```
/// media-archive day tallies 1
/// basis Asia/Shanghai;2021,2021-05-22,2021-05-28,-,2021-06-04;…
/// day 2021-05-23 <mtime s> <mtime ns> <ctime s> <ctime ns> <inode> <device>
/// cell <round> <part> <kind> <items> <passing> <failing> <late> <passingLate> <warned> <passing µs> <video µs> <first> <last>
/// ```
///
/// Derived, never the record: anything unexpected in it (another version, a torn write, an
/// edit) makes the whole file ignored and worked out again from the catalogue.
struct DayTallyFile {
    let url: URL

    static let header = "media-archive day tallies 1"

    func read() -> DayTallies.County? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return Self.parse([UInt8](data))
    }

    func write(_ county: DayTallies.County) throws {
        var text = Self.header + "\nbasis " + county.basis + "\n"
        for (day, kept) in county.days.sorted(by: { $0.key < $1.key }) {
            let s = kept.stamp
            text += "day \(day) \(s.seconds) \(s.nanoseconds) \(s.changedSeconds) \(s.changedNanoseconds) \(s.inode) \(s.device)\n"
            for (key, c) in kept.tally.cells.sorted(by: { ($0.key.round, $0.key.part.rawValue, $0.key.kind.rawValue) < ($1.key.round, $1.key.part.rawValue, $1.key.kind.rawValue) }) {
                text += "cell \(key.round) \(key.part.rawValue) \(key.kind.rawValue) \(c.items) \(c.passing) \(c.failing) \(c.late) "
                    + "\(c.passingLate) \(c.warned) \(c.passingMicroseconds) \(c.videoMicroseconds) \(Self.token(c.first)) \(Self.token(c.last))\n"
            }
        }
        try AtomicFile.write(Data(text.utf8), to: url)
    }

    /// A stamp as one space-free token: `-` for none; `%`, space, newline and a lone `-` escaped.
    static func token(_ text: String?) -> String {
        guard let text else { return "-" }
        if text == "-" { return "%2D" }
        guard text.contains(where: { $0 == "%" || $0.isWhitespace }) || text.isEmpty else { return text }
        return text.isEmpty ? "%" : text.unicodeScalars.map { scalar in
            scalar == "%" || scalar.properties.isWhitespace ? "%" + String(format: "%02X", scalar.value) : String(scalar)
        }.joined()
    }

    static func untoken(_ token: String) -> String? {
        if token == "-" { return nil }
        if token == "%" { return "" }
        guard token.contains("%") else { return token }
        return token.removingPercentEncoding ?? token
    }

    // MARK: Reading, by bytes (a 1,000,000-entry archive has some 100,000 lines)

    static func parse(_ bytes: [UInt8]) -> DayTallies.County? {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), String(decoding: first, as: UTF8.self) == header,
              let basisLine = lines.popFirst(), basisLine.starts(with: Array("basis ".utf8)) else { return nil }
        var county = DayTallies.County(basis: String(decoding: basisLine.dropFirst(6), as: UTF8.self), days: [:])
        var names = Names()
        var current: (day: CalendarDay, kept: DayTallies.Kept)?
        for line in lines {
            let fields = line.split(separator: 0x20)
            if fields.first?.elementsEqual("day".utf8) == true {
                guard fields.count == 8, let day = CalendarDay(parsing: String(decoding: fields[1], as: UTF8.self)),
                      let numbers = Optional(fields[2...].map(integer)), !numbers.contains(nil) else { return nil }
                if let current { county.days[current.day] = current.kept }
                let n = numbers.map { $0! }
                let stamp = FolderStamp(seconds: Int(n[0]), nanoseconds: Int(n[1]), changedSeconds: Int(n[2]),
                                        changedNanoseconds: Int(n[3]), inode: UInt64(bitPattern: n[4]), device: UInt64(bitPattern: n[5]))
                current = (day, DayTallies.Kept(stamp: stamp, tally: DayTally(cells: [:])))
            } else if fields.first?.elementsEqual("cell".utf8) == true {
                guard fields.count == 14, current != nil, let key = names.key(fields[1], fields[2], fields[3]) else { return nil }
                let numbers = fields[4...11].map(integer)
                guard !numbers.contains(nil) else { return nil }
                let n = numbers.map { $0! }
                let cell = DayTally.Cell(items: Int(n[0]), passing: Int(n[1]), failing: Int(n[2]), late: Int(n[3]),
                                         passingLate: Int(n[4]), warned: Int(n[5]), passingMicroseconds: n[6], videoMicroseconds: n[7],
                                         first: untoken(String(decoding: fields[12], as: UTF8.self)),
                                         last: untoken(String(decoding: fields[13], as: UTF8.self)))
                current!.kept.tally.cells[key] = cell
            } else {
                return nil
            }
        }
        if let current { county.days[current.day] = current.kept }
        return county
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        var negative = false
        for (offset, byte) in bytes.enumerated() {
            if offset == 0, byte == UInt8(ascii: "-"), bytes.count > 1 { negative = true; continue }
            guard (48...57).contains(byte) else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - 48))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// Round, part and kind names seen so far, so that each is made into a value once.
    private struct Names {
        var rounds: [([UInt8], String)] = []

        mutating func key(_ round: ArraySlice<UInt8>, _ part: ArraySlice<UInt8>, _ kind: ArraySlice<UInt8>) -> DayTally.Key? {
            guard let part = Part.allCases.first(where: { $0.rawValue.utf8.elementsEqual(part) }),
                  let kind = MediaKind.allCases.first(where: { $0.rawValue.utf8.elementsEqual(kind) }) else { return nil }
            if let known = rounds.first(where: { $0.0.elementsEqual(round) }) { return DayTally.Key(round: known.1, part: part, kind: kind) }
            let name = String(decoding: round, as: UTF8.self)
            rounds.append((Array(round), name))
            return DayTally.Key(round: name, part: part, kind: kind)
        }
    }
}
