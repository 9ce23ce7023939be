import Foundation
import OfficeDocuments

/// Reads a handed-in registration form into records. Never throws: a file that cannot be read
/// comes back as `.notRead` with the reason, so one bad file never stops a batch.
public struct FormFileReader: Sendable {
    public var limits: ReadingLimits
    /// nil: .doc/.xls/.wps/.et are not converted and come back `.notRead`.
    public var converter: LibreOfficeConverter?

    public init(limits: ReadingLimits = .standard, converter: LibreOfficeConverter? = LibreOfficeConverter.installed()) {
        self.limits = limits
        self.converter = converter
    }

    /// - Parameter expected: the form the file was handed in as, when known (its part); nil
    ///   reads whichever form's labels it finds.
    public func read(_ file: URL, expecting expected: FormKind? = nil) -> FormReadOutcome {
        let name = file.lastPathComponent
        guard let head = try? Self.firstBytes(of: file) else { return .notRead(reason: "\(name) cannot be opened") }
        switch Self.kind(ofContent: head, extension: file.pathExtension.lowercased()) {
        case .zip: return readOffice(file, name: name, expected: expected)
        case .oldBinary(let target):
            guard let converter else {
                return .notRead(reason: "\(name) is an old Word/WPS/Excel file and LibreOffice is not installed to convert it (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui), or ask the county for .docx/.xlsx")
            }
            do {
                return try converter.withConverted(file, to: target) { readOffice($0, name: name, expected: expected) }
            } catch LibreOfficeConverter.Failure.timedOut(let seconds) {
                return .notRead(reason: "\(name): LibreOffice did not finish converting it within \(seconds) s — ask the county for .docx/.xlsx")
            } catch {
                return .notRead(reason: "\(name): LibreOffice could not convert it (\(error)) — ask the county for .docx/.xlsx")
            }
        case .pdf: return .notRead(reason: "\(name) is a PDF; its table cannot be read reliably")
        case .image: return .notRead(reason: "\(name) is a picture (a scan or photo of the form)")
        case .unknown: return .notRead(reason: "\(name) is not a Word, WPS or Excel file")
        }
    }

    private func readOffice(_ file: URL, name: String, expected: FormKind?) -> FormReadOutcome {
        do {
            let records = try Self.records(in: file, name: name, expected: expected, limits: limits)
            if records.isEmpty {
                let which = expected.map { "\($0.attachment) \($0.title)" } ?? "附件1 or 附件2"
                return .notRead(reason: "\(name) has none of the labels of the \(which) form")
            }
            return .read(records)
        } catch let error as OfficeDocumentError {
            return .notRead(reason: error.description)
        } catch {
            return .notRead(reason: "\(name): \(error)")
        }
    }

    /// A workbook's sheets, or a document's tables (the paragraphs when it has no table that reads).
    static func records(in file: URL, name: String, expected: FormKind?, limits: ReadingLimits) throws -> [FormRecord] {
        do {
            let workbook = try Workbook(contentsOf: file, limits: limits)
            return workbook.sheets.flatMap { sheet in
                TableRecordReader(expected: expected, source: RecordSource(file: name, sheet: sheet.name), unitLine: nil)
                    .records(in: sheet.grid)
            }
        } catch let error as OfficeDocumentError where error.reason == .notAnOfficeFile && error.message.contains("Word") {
            // Not a workbook but a Word document: read it as one below.
        }
        let document = try WordDocument(contentsOf: file, limits: limits)
        var records: [FormRecord] = []
        var paragraphs: [String] = []
        var tableNumber = 0
        for block in document.blocks {
            switch block {
            case .paragraph(let text): paragraphs.append(text)
            case .table(let grid):
                tableNumber += 1
                let unitLine = paragraphs.last { TableRecordReader.unit(in: $0) != nil }
                records += TableRecordReader(expected: expected, source: RecordSource(file: name, table: tableNumber), unitLine: unitLine)
                    .records(in: grid)
            }
        }
        if records.isEmpty {
            // "项目名称：…" typed as paragraphs, no table at all.
            let texts = Dictionary(uniqueKeysWithValues: paragraphs.enumerated().map { (CellGrid.Position(row: $0, column: 0), $1) })
            records = TableRecordReader(expected: expected, source: RecordSource(file: name), unitLine: nil)
                .records(in: CellGrid(texts: texts))
        }
        return records
    }

    private enum ContentKind { case zip, oldBinary(String), pdf, image, unknown }

    /// By content first (a .doc that is really a DOCX is read as one), then by name for the
    /// old binary formats, which all share the OLE compound-file signature.
    private static func kind(ofContent head: [UInt8], extension: String) -> ContentKind {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) || head.starts(with: [0x89, 0x50, 0x4E, 0x47]) || head.starts(with: [0x49, 0x49, 0x2A, 0x00])
            || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .image }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) || ["doc", "wps", "xls", "et", "rtf"].contains(`extension`) {
            return .oldBinary(["xls", "et"].contains(`extension`) ? "xlsx" : "docx")
        }
        return .unknown
    }

    private static func firstBytes(of file: URL) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        return [UInt8](try handle.read(upToCount: 8) ?? Data())
    }
}
