internal import CExif

/// Owns one libexif `ExifData` (and the record its log writes into); `deinit` frees both.
/// Not Sendable: use it on one thread, copy out ``tags`` and let it go.
final class ExifDataHandle {
    private let data: UnsafeMutablePointer<ExifData>
    private let logRecord: UnsafeMutablePointer<cexif_log_record>

    /// Parses an APP1-style payload: "Exif\0\0" followed by a TIFF structure of at most 64 KiB.
    /// Nil only when libexif cannot allocate its objects.
    /// The corresponding C function is `exif_data_load_data`.
    init?(exifPayload: [UInt8]) {
        let logRecord = UnsafeMutablePointer<cexif_log_record>.allocate(capacity: 1)
        logRecord.initialize(to: cexif_log_record())
        guard let log = exif_log_new() else {
            logRecord.deallocate()
            return nil
        }
        cexif_log_attach_record(log, logRecord)
        guard let data = exif_data_new() else {
            exif_log_unref(log)
            logRecord.deallocate()
            return nil
        }
        exif_data_log(data, log)  // the ExifData keeps its own reference to the log
        exif_log_unref(log)
        // Defaults would "fix" the block to the specification, which adds missing
        // mandatory tags, DateTime set to *now* among them, and drops tags libexif
        // does not know. We want what the camera wrote, nothing more.
        exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        exif_data_unset_option(data, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS)
        exif_data_set_option(data, EXIF_DATA_OPTION_DONT_CHANGE_MAKER_NOTE)
        exifPayload.withUnsafeBufferPointer { buffer in
            exif_data_load_data(data, buffer.baseAddress, UInt32(clamping: buffer.count))
        }
        self.data = data
        self.logRecord = logRecord
    }

    deinit {
        exif_data_unref(data)
        logRecord.deallocate()
    }

    /// Number of "corrupt data" complaints libexif logged while loading (maker notes excluded).
    var corruptDataCount: Int { Int(logRecord.pointee.corrupt_data_count) + Int(logRecord.pointee.no_memory_count) }

    /// libexif's first complaint, in its own words.
    var firstComplaint: String? {
        guard corruptDataCount > 0 else { return nil }
        return withUnsafeBytes(of: logRecord.pointee.first_corrupt_message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }

    /// Copies IFD0, the EXIF IFD and the GPS IFD into values.
    var tags: ExifTags {
        var tags = ExifTags(bigEndian: exif_data_get_byte_order(data) == EXIF_BYTE_ORDER_MOTOROLA)
        let ifds: [(ExifTags.IFD, ExifIfd)] = [(.primary, EXIF_IFD_0), (.exif, EXIF_IFD_EXIF), (.gps, EXIF_IFD_GPS)]
        for (ifd, cIFD) in ifds {
            guard let content = cexif_data_get_content(data, cIFD), let entries = content.pointee.entries else { continue }
            var copied: [Int: ExifTags.Entry] = [:]
            for index in 0..<Int(content.pointee.count) {
                guard let entry = entries[index]?.pointee, let bytes = entry.data, entry.size > 0 else { continue }
                let tag = Int(entry.tag.rawValue)
                if copied[tag] != nil { continue }  // first occurrence wins, as in exiftool
                copied[tag] = ExifTags.Entry(
                    format: Int(entry.format.rawValue),
                    components: Int(entry.components),
                    bytes: Array(UnsafeBufferPointer(start: bytes, count: Int(entry.size))))
            }
            tags.entries[ifd] = copied
        }
        return tags
    }
}
