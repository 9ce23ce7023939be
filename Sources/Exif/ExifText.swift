/// Decoding of the text encodings found in EXIF fields.
enum ExifText {
    /// An EXIF ASCII field: cut at the first NUL, UTF-8 when valid (phones write UTF-8
    /// into "ASCII" fields), else GBK/GB18030 when it reads as Chinese (older Chinese cameras
    /// and Windows in Chinese write that), else Latin-1 so no byte is lost; trimmed; nil when blank.
    static func ascii(_ bytes: some Collection<UInt8>) -> String? {
        let content = Array(bytes.prefix(while: { $0 != 0 }))
        let text = String(validating: content, as: UTF8.self)
            ?? GB18030.decode(content)
            ?? String(String.UnicodeScalarView(content.map { Unicode.Scalar($0) }))
        return nonBlank(text)
    }

    /// UTF-16 text: a byte-order mark wins over `bigEndian`; stops at the first U+0000.
    static func utf16(_ bytes: some Collection<UInt8>, bigEndian: Bool) -> String? {
        var bytes = Array(bytes)
        var bigEndian = bigEndian
        if bytes.count >= 2 {
            if bytes[0] == 0xFE, bytes[1] == 0xFF { bigEndian = true; bytes.removeFirst(2) }
            else if bytes[0] == 0xFF, bytes[1] == 0xFE { bigEndian = false; bytes.removeFirst(2) }
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let unit = bigEndian
                ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
            if unit == 0 { break }
            units.append(unit)
            index += 2
        }
        return nonBlank(String(decoding: units, as: UTF16.self))
    }

    /// Windows XP tags (XPTitle, XPComment): UTF-16LE in BYTE fields, whatever the TIFF byte order.
    static func windowsXP(_ bytes: some Collection<UInt8>) -> String? {
        utf16(bytes, bigEndian: false)
    }

    /// EXIF UserComment: an 8-byte character-code header, then the text.
    /// "UNICODE" text is UTF-16 in the byte order of the EXIF block (a BOM overrides it).
    static func userComment(_ bytes: [UInt8], bigEndian: Bool) -> String? {
        guard bytes.count >= 8 else { return ascii(bytes) }
        let header = bytes.prefix(8)
        let body = bytes.dropFirst(8)
        if header.elementsEqual(Array("UNICODE\0".utf8)) {
            return utf16(body, bigEndian: bigEndian)
        }
        if header.elementsEqual(Array("ASCII\0\0\0".utf8)) {
            return ascii(body)
        }
        if header.elementsEqual(Array("JIS\0\0\0\0\0".utf8)) {
            // JIS X 0208 without a decoder here: keep only what is plain ASCII.
            return ascii(body.filter { $0 < 0x80 })
        }
        // Undefined code (eight NULs or spaces), or no header at all: best-effort text.
        if header.allSatisfy({ $0 == 0 || $0 == 0x20 }) { return ascii(body.drop(while: { $0 == 0 })) }
        return ascii(bytes)
    }

    /// Trims whitespace and NUL padding; nil when nothing is left.
    static func nonBlank(_ text: String) -> String? {
        let trimmed = text.trimmingExifPadding()
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension StringProtocol {
    /// Cut at the first NUL, then strip leading and trailing whitespace.
    func trimmingExifPadding() -> String {
        let beforeNUL = prefix(while: { $0 != "\0" })
        let isPadding: (Character) -> Bool = { $0.isWhitespace }
        guard let first = beforeNUL.firstIndex(where: { !isPadding($0) }),
            let last = beforeNUL.lastIndex(where: { !isPadding($0) })
        else { return "" }
        return String(beforeNUL[first...last])
    }
}
