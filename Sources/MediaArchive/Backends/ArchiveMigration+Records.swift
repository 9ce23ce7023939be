import Foundation

// `migrate` copies the records beside the entries too: registration-form records, the
// withdraw/return/reopen marks, the audit log and the access tokens. Each goes through the
// same seam every command uses (`FormStore`, `MarkLog`, `AuditLog`, `AccessTokens`), so the
// archive folder's files and the PostgreSQL tables are copied by one piece of code, in both
// directions. Only what the target lacks is added, so a rerun after a kill adds nothing twice;
// what the target holds is never changed.

extension ArchiveMigration {
    /// The form records of `rounds` (`formRounds()`) and the marks of one county, after its
    /// entries (a mark names an entry).
    func copyRecords(of county: County, rounds: [String], into summary: inout Summary) {
        let fromForms = source.forms(settings), toForms = target.forms(targetSettings)
        for round in rounds {
            do {
                let present = try toForms.records(round: round, county: county)
                var missing: [FormRecord] = []
                for record in try fromForms.records(round: round, county: county) {
                    if let there = present.first(where: { $0.id == record.id }) {
                        if there != record { summary.failures.append(MigrationError.formRecordDiffers(county: county.slug, round: round, id: record.id).line) }
                    } else {
                        missing.append(record)
                    }
                }
                try toForms.add(missing)
                summary.formRecordsCopied += missing.count
            } catch {
                summary.failures.append("\(county.slug): forms \(round): \(error)")
            }
        }
        do {
            let toMarks = target.marks(targetSettings)
            let missing = Self.missing(try source.marks(settings).marks(county: county).marks,
                                       from: try toMarks.marks(county: county).marks)
            for mark in missing { try toMarks.append(mark, county: county) }
            summary.marksCopied += missing.count
        } catch {
            summary.failures.append("\(county.slug): marks: \(error)")
        }
    }

    /// The audit events of `counties` (all, and those naming no county, when empty) and every
    /// access token, once all entries are across.
    func copyArchiveRecords(counties: [County], into summary: inout Summary) {
        do {
            let slugs = Set(counties.map(\.slug))
            let reading = try source.audit(settings).events()
            let wanted = reading.events.filter { slugs.isEmpty || $0.county.map(slugs.contains) ?? true }
            let toAudit = target.audit(targetSettings)
            let missing = Self.missing(wanted, from: try toAudit.events().events)
            try toAudit.append(missing)
            summary.auditEventsCopied += missing.count
            for line in reading.unreadableLines {
                summary.failures.append(MigrationError.auditLineUnreadable(line).line)
            }
        } catch {
            summary.failures.append("audit: \(error)")
        }
        do {
            let targetTokens = target.tokens(targetSettings)
            let there = Set(try targetTokens.all().map(\.id))
            let new = try source.tokens(settings).all().filter { !there.contains($0.id) }
            // Nothing new: the target's token list is not even rewritten.
            let adopted = new.isEmpty ? (added: 0, nameTaken: []) : try targetTokens.adopt(new)
            summary.tokensCopied += adopted.added
            for token in adopted.nameTaken {
                summary.failures.append(MigrationError.tokenNameTaken(name: token.name, id: token.id).line)
            }
        } catch {
            summary.failures.append("tokens: \(error)")
        }
    }

    /// The rounds whose form records are copied: every round the archive defines, and any
    /// other round the source holds records for (a round since removed from `rounds/`).
    func formRounds() throws -> [String] {
        let defined = settings.rounds.rounds.map(\.id)
        return defined + (try source.forms(settings).roundsWithRecords()).filter { !defined.contains($0) }
    }

    /// `source`'s items that `target` does not hold, in `source`'s order: an item held n times
    /// in the target stands for its first n copies in the source (two identical audit lines
    /// written in one second are two events).
    static func missing<Item: Encodable>(_ source: [Item], from target: [Item]) -> [Item] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var held: [Data: Int] = [:]
        for item in target {
            guard let key = try? encoder.encode(item) else { continue }
            held[key, default: 0] += 1
        }
        return source.filter { item in
            guard let key = try? encoder.encode(item), let count = held[key], count > 0 else { return true }
            held[key] = count - 1
            return false
        }
    }
}
