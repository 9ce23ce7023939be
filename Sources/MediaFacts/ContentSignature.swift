public import Foundation

/// What the first bytes of a file say it is, for the kinds FFmpeg does not read:
/// documents, HEIF photos (FFmpeg 5.1 cannot open them), ISO media files, and plain text.
/// The one sniffer of leading bytes: still pictures' headers (`ImageHeader`) are read only
/// after this has ruled out documents and HEIF.
public enum ContentSignature: String, Sendable, Equatable, Codable {
    case pdf
    case officeOpenXML      // .docx/.xlsx/.pptx (a ZIP with [Content_Types].xml)
    case openDocument       // .odt/.ods/.odp (a ZIP with a mimetype entry)
    case zipArchive
    case compoundDocument   // legacy .doc/.xls/.ppt (OLE2)
    case richText
    case heif               // HEIC/HEIF/AVIF still images
    case isoMedia           // MP4/MOV/3GP (an ftyp box)
    case plainText
    case empty
    case other

    /// Bytes read from the start of a file; enough for every signature above.
    public static let prefixLength = 4096

    public static func read(path: String) -> ContentSignature {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .other }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: prefixLength)) ?? Data()
        return classify(prefix)
    }

    /// Part names only an Office Open XML package holds. Word writes [Content_Types].xml first,
    /// but openpyxl (and so many generated workbooks) writes it last, past the prefix read here;
    /// the workbook's or document's own parts come early in every writer seen.
    static let officeOpenXMLNames = ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/", "xl/theme/", "xl/styles.xml",
                                     "word/document.xml", "ppt/presentation.xml"]

    public static func classify(_ data: Data) -> ContentSignature {
        let bytes = [UInt8](data)
        if bytes.isEmpty { return .empty }
        func starts(_ signature: [UInt8]) -> Bool { bytes.starts(with: signature) }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundDocument }
        if starts(Array("{\\rtf".utf8)) { return .richText }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            if officeOpenXMLNames.contains(where: { data.range(of: Data($0.utf8)) != nil }) { return .officeOpenXML }
            if data.range(of: Data("mimetypeapplication/vnd.oasis.opendocument".utf8)) != nil { return .openDocument }
            return .zipArchive
        }
        if bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8) {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            return heifBrands.contains(brand) ? .heif : .isoMedia
        }
        if looksLikeText(bytes) { return .plainText }
        return .other
    }

    public var isDocument: Bool {
        switch self {
        case .pdf, .officeOpenXML, .openDocument, .compoundDocument, .richText: true
        default: false
        }
    }

    /// A plain-text summary is a document when its name says text (`总结.txt`); text named
    /// `.mp4` is a mistake and is reported as one. The name only decides between those two.
    public static func isTextDocumentName(_ path: String) -> Bool {
        ["txt", "md", "csv", "tsv"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    private static let heifBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"]

    /// Valid UTF-8 without control characters other than whitespace.
    private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        // A cut in the middle of a multi-byte character at the end of the prefix is fine.
        let body = bytes.count == prefixLength ? Array(bytes.dropLast(3)) : bytes
        guard String(validating: body, as: UTF8.self) != nil || bytes.count == prefixLength else { return false }
        return !body.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }
    }
}
