import Foundation

/// `<county>/index/.day-tallies`: one county's `DayTallies` on disk, as lines of text
/// (docs/archive-format.md):
///
/// ```
/// media-archive day tallies 2
/// basis Asia/Shanghai;2021,2021-05-22,2021-05-28,-,2021-06-04;…
/// day 2021-05-23 <mtime s> <mtime ns> <ctime s> <ctime ns> <inode> <device>
/// …every day's stamp…
/// round 2021
/// cell <day> <part> <kind> <items> <passing> <failing> <late> <passingLate> <warned> <passing µs> <video µs> <first> <last>
/// …that round's cells, then the next round…
/// ```
///
/// Cells are grouped by round, so that `status --round R` parses only R's lines and skips the
/// other rounds' sections line by line (at 1,000,000 entries over five years that is a fifth of
/// the cells). Derived, never the record: anything unexpected in it (another version, a torn
/// write, an edit) makes the whole file ignored and worked out again from the catalogue.
struct DayTallyFile {
    let url: URL

    /// Version 1 held each day's cells under its `day` line; a file with that header is ignored
    /// and written again in this form.
    static let header = "media-archive day tallies 2"

    /// The kept days, with every round's cells, or only `round`'s (`County.rounds` says which).
    func read(round: String? = nil) -> DayTallies.County? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return data.withUnsafeBytes { Self.parse($0.bindMemory(to: UInt8.self), round: round) }
    }

    func write(_ county: DayTallies.County) throws {
        var text = Self.header + "\nbasis " + county.basis + "\n"
        let days = county.days.sorted(by: { $0.key < $1.key })
        var rounds: [String: [(day: CalendarDay, key: DayTally.Key, cell: DayTally.Cell)]] = [:]
        for (day, kept) in days {
            let s = kept.stamp
            text += "day \(day) \(s.seconds) \(s.nanoseconds) \(s.changedSeconds) \(s.changedNanoseconds) \(s.inode) \(s.device)\n"
            for (key, cell) in kept.tally.cells.sorted(by: { ($0.key.part.rawValue, $0.key.kind.rawValue) < ($1.key.part.rawValue, $1.key.kind.rawValue) }) {
                rounds[key.round, default: []].append((day, key, cell))
            }
        }
        for (round, cells) in rounds.sorted(by: { $0.key < $1.key }) {
            text += "round \(round)\n"
            for (day, key, c) in cells {
                text += "cell \(day) \(key.part.rawValue) \(key.kind.rawValue) \(c.items) \(c.passing) \(c.failing) \(c.late) "
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

    /// By bytes: almost every stamp has no `%`, and is then made into a string as it is.
    static func untoken<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        if bytes.elementsEqual([UInt8(ascii: "-")]) { return nil }
        if bytes.elementsEqual([UInt8(ascii: "%")]) { return "" }
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    static func untoken(_ token: String) -> String? { untoken(Array(token.utf8)) }

    // MARK: Reading, by bytes (a 1,000,000-entry archive has some 100,000 lines)

    /// Part of the file as read, not copied.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, round wanted: String?) -> DayTallies.County? {
        var lines = Lines(bytes: bytes)
        guard let first = lines.next(), first.elementsEqual(header.utf8),
              let basisLine = lines.next(), basisLine.starts(with: "basis ".utf8) else { return nil }
        var county = DayTallies.County(basis: String(decoding: basisLine.dropFirst(6), as: UTF8.self), days: [:],
                                       rounds: wanted.map { Set([$0]) })
        let wantedBytes = wanted.map { Array($0.utf8) }
        var round: (name: String, parsed: Bool)?
        while let line = lines.next() {
            var fields = Fields(line: line)
            guard let tag = fields.next() else { return nil }
            if tag.elementsEqual("cell".utf8) {
                guard let section = round else { return nil }
                guard section.parsed else { continue }
                guard let day = fields.next().flatMap(calendarDay), county.days[day] != nil,
                      let part = fields.next(), let kind = fields.next(),
                      let cellKey = Self.key(section.name, part, kind) else { return nil }
                guard let items = fields.nextInteger(), let passing = fields.nextInteger(), let failing = fields.nextInteger(),
                      let late = fields.nextInteger(), let passingLate = fields.nextInteger(), let warned = fields.nextInteger(),
                      let passingMicroseconds = fields.nextInteger(), let videoMicroseconds = fields.nextInteger(),
                      let first = fields.next(), let last = fields.next(), fields.next() == nil else { return nil }
                let cell = DayTally.Cell(items: Int(items), passing: Int(passing), failing: Int(failing), late: Int(late),
                                         passingLate: Int(passingLate), warned: Int(warned), passingMicroseconds: passingMicroseconds,
                                         videoMicroseconds: videoMicroseconds, first: untoken(first), last: untoken(last))
                county.days[day]!.tally.cells[cellKey] = cell
            } else if tag.elementsEqual("round".utf8) {
                guard let name = fields.next(), fields.next() == nil else { return nil }
                round = (String(decoding: name, as: UTF8.self), wantedBytes.map { name.elementsEqual($0) } ?? true)
            } else if tag.elementsEqual("day".utf8) {
                guard round == nil, let day = fields.next().flatMap(calendarDay) else { return nil }
                guard let seconds = fields.nextInteger(), let nanoseconds = fields.nextInteger(),
                      let changedSeconds = fields.nextInteger(), let changedNanoseconds = fields.nextInteger(),
                      let inode = fields.nextInteger(), let device = fields.nextInteger(), fields.next() == nil else { return nil }
                let stamp = FolderStamp(seconds: Int(seconds), nanoseconds: Int(nanoseconds), changedSeconds: Int(changedSeconds),
                                        changedNanoseconds: Int(changedNanoseconds), inode: UInt64(bitPattern: inode),
                                        device: UInt64(bitPattern: device))
                county.days[day] = DayTallies.Kept(stamp: stamp, tally: DayTally(cells: [:]))
            } else {
                return nil
            }
        }
        return county
    }

    /// The lines of a buffer, without their newlines, empty ones skipped.
    private struct Lines {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func next() -> Bytes? {
            while position < bytes.count {
                let start = position
                while position < bytes.count, bytes[position] != 0x0A { position += 1 }
                let end = position
                position += 1
                if end > start { return bytes[start..<end] }
            }
            return nil
        }
    }

    /// A line's space-separated fields.
    private struct Fields {
        let line: Bytes
        var position: Int

        init(line: Bytes) {
            self.line = line
            position = line.startIndex
        }

        mutating func next() -> Bytes? {
            while position < line.endIndex, line[position] == 0x20 { position += 1 }
            guard position < line.endIndex else { return nil }
            let start = position
            while position < line.endIndex, line[position] != 0x20 { position += 1 }
            return line[start..<position]
        }

        /// The next field as a decimal integer, read in place (there are some 150,000 per
        /// status at 1,000,000 entries): nil when there is none or it is not one.
        mutating func nextInteger() -> Int64? {
            guard let field = next() else { return nil }
            return DayTallyFile.integer(UnsafeBufferPointer(rebasing: field))
        }
    }

    /// `YYYY-MM-DD`, as `CalendarDay(parsing:)` reads it, without making a string.
    static func calendarDay(_ bytes: Bytes) -> CalendarDay? {
        guard bytes.count == 10 else { return nil }
        let s = bytes.startIndex
        guard bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-"),
              let year = digits(bytes[s..<s + 4]), let month = digits(bytes[s + 5..<s + 7]), let day = digits(bytes[s + 8..<s + 10]),
              (1...12).contains(month), (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else { return nil }
        return CalendarDay(year, month, day)
    }

    private static func digits(_ bytes: Bytes) -> Int? {
        var value = 0
        for byte in bytes {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// `-`? and up to 19 digits; nil for anything else or past Int64's range (an inode or a
    /// device number is kept as its bit pattern, so may be negative).
    fileprivate static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let negative = bytes.count > 1 && bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        let digits = bytes.count - index
        guard digits > 0, digits <= 19 else { return nil }
        var value: UInt64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- 48
            guard digit <= 9 else { return nil }
            value = value &* 10 &+ UInt64(digit)  // 19 digits fit in a UInt64
            index += 1
        }
        if negative { return value <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- value) : nil }
        return value <= UInt64(Int64.max) ? Int64(value) : nil
    }

    /// Part and kind names, each matched against the few there are.
    private static func key(_ round: String, _ part: Bytes, _ kind: Bytes) -> DayTally.Key? {
        guard let part = Part.allCases.first(where: { $0.rawValue.utf8.elementsEqual(part) }),
              let kind = MediaKind.allCases.first(where: { $0.rawValue.utf8.elementsEqual(kind) }) else { return nil }
        return DayTally.Key(round: round, part: part, kind: kind)
    }
}
