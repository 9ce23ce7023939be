import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every day folder of a county's catalogue (`index/days/YYYY/YYYY-MM-DD`) with its stamp, oldest
/// first: one listing per year, and each day's `fstatat` relative to its open year folder.
///
/// `status` asks this of every day there is (some 18,000 at 1,000,000 entries over five years);
/// listing with FileManager, building each day's full path and walking it from `/` again was a
/// quarter of its time. What a day folder is, for every reader (`CountyCatalog.days()` too):
/// folders named as a year, holding folders named as a date; anything else there is not a day.
enum DayFolderScan {
    static func days(under daysFolder: URL) -> [(day: CalendarDay, stamp: FolderStamp)] {
        var found: [(day: CalendarDay, stamp: FolderStamp)] = []
        for year in names(in: daysFolder.path) where year.utf8.count == 4 && Int(year) != nil {
            guard let folder = opendir(daysFolder.path + "/" + year) else { continue }
            defer { closedir(folder) }
            let descriptor = dirfd(folder)
            while let entry = readdir(folder) {
                withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                    tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { name in
                        let bytes = UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self)
                        let length = strlen(name)
                        guard length == 10, let day = DayTallyFile.calendarDay(UnsafeBufferPointer(start: bytes, count: length)[...]),
                              let stamp = FolderStamp.of(name, in: descriptor) else { return }
                        found.append((day, stamp))
                    }
                }
            }
        }
        return found.sorted { $0.day < $1.day }
    }

    private static func names(in path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }
}
