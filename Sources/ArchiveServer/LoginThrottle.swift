import Foundation

/// Slows down guessing tokens: after `freeAttempts` wrong tokens from one address, that address
/// must wait before it may try again — 30 s, doubling with each further failure, at most 16 min.
/// A right token clears the address's count. Only addresses that failed are remembered, and
/// the oldest are forgotten past `capacity`, so a flood of addresses cannot fill the memory.
actor LoginThrottle {
    struct Record {
        var failures: Int
        var blockedUntil: Date
    }

    let freeAttempts: Int
    let capacity: Int
    private var records: [String: Record] = [:]

    init(freeAttempts: Int = 5, capacity: Int = 10_000) {
        self.freeAttempts = freeAttempts
        self.capacity = capacity
    }

    /// Whole seconds the address must still wait, or nil when it may try now.
    func wait(for address: String, now: Date = Date()) -> Int? {
        guard let record = records[address], record.blockedUntil > now else { return nil }
        return Int(record.blockedUntil.timeIntervalSince(now).rounded(.up))
    }

    func failed(_ address: String, now: Date = Date()) {
        var record = records[address] ?? Record(failures: 0, blockedUntil: .distantPast)
        record.failures += 1
        if record.failures >= freeAttempts {
            let doublings = min(record.failures - freeAttempts, 5)
            record.blockedUntil = now.addingTimeInterval(30 * Double(1 << doublings))
        }
        records[address] = record
        if records.count > capacity {
            let oldest = records.min { $0.value.blockedUntil < $1.value.blockedUntil }?.key
            oldest.map { records[$0] = nil }
        }
    }

    func succeeded(_ address: String) {
        records[address] = nil
    }
}
