import Testing

@testable import Exif

@Suite("ExifText decoding")
struct ExifTextTests {
    private let title = "华龙区科技周开幕式"

    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test("UNICODE UserComment follows the block's byte order")
    func unicodeByteOrder() {
        let header = Array("UNICODE\0".utf8)
        #expect(ExifText.userComment(header + utf16(title, bigEndian: true), bigEndian: true) == title)
        #expect(ExifText.userComment(header + utf16(title, bigEndian: false), bigEndian: false) == title)
    }

    @Test("A byte-order mark overrides the block's byte order")
    func byteOrderMark() {
        let header = Array("UNICODE\0".utf8)
        #expect(ExifText.userComment(header + [0xFF, 0xFE] + utf16(title, bigEndian: false), bigEndian: true) == title)
        #expect(ExifText.userComment(header + [0xFE, 0xFF] + utf16(title, bigEndian: true), bigEndian: false) == title)
    }

    @Test("ASCII, undefined and JIS headers; NUL and space padding trimmed")
    func otherCharsets() {
        #expect(ExifText.userComment(Array("ASCII\0\0\0hello  \0\0".utf8), bigEndian: true) == "hello")
        #expect(ExifText.userComment([UInt8](repeating: 0, count: 8) + Array("plain".utf8), bigEndian: true) == "plain")
        #expect(ExifText.userComment([UInt8](repeating: 0, count: 8) + [UInt8](repeating: 0x20, count: 64), bigEndian: true) == nil)
        #expect(ExifText.userComment(Array("JIS\0\0\0\0\0abc".utf8), bigEndian: true) == "abc")
        // Phones put UTF-8 into "ASCII" comments.
        #expect(ExifText.userComment(Array("ASCII\0\0\0".utf8) + Array(title.utf8), bigEndian: false) == title)
    }

    @Test("XP tags are UTF-16LE whatever the block's byte order")
    func windowsXP() {
        #expect(ExifText.windowsXP(utf16(title, bigEndian: false) + [0, 0]) == title)
    }

    @Test("ASCII fields stop at the first NUL and lose padding; invalid UTF-8 keeps its bytes as Latin-1")
    func asciiFields() {
        #expect(ExifText.ascii(Array("Canon EOS 5D\0garbage".utf8)) == "Canon EOS 5D")
        #expect(ExifText.ascii(Array("  NIKON   ".utf8)) == "NIKON")
        #expect(ExifText.ascii([0x43, 0x61, 0x66, 0xE9]) == "Café")
        #expect(ExifText.ascii([0, 0, 0]) == nil)
    }

    /// "华龙区科技周开幕式" in GBK (Python: .encode("gbk")).
    private let titleInGBK: [UInt8] = [0xBB, 0xAA, 0xC1, 0xFA, 0xC7, 0xF8, 0xBF, 0xC6, 0xBC, 0xBC, 0xD6, 0xDC, 0xBF, 0xAA, 0xC4, 0xBB, 0xCA, 0xBD]

    @Test("Chinese written in GBK is read as Chinese, not as Latin-1")
    func gbkFields() {
        #expect(ExifText.ascii(titleInGBK) == title)
        #expect(ExifText.ascii(Array("2021 ".utf8) + titleInGBK + [0, 0x41]) == "2021 " + title)
        #expect(ExifText.userComment([UInt8](repeating: 0, count: 8) + titleInGBK, bigEndian: true) == title)
        // One character after digits, two after a Latin word (Python: "年".encode("gbk") == C4 EA).
        #expect(ExifText.ascii(Array("2021".utf8) + [0xC4, 0xEA]) == "2021年")
        #expect(ExifText.ascii(Array("Canon".utf8) + [0xCF, 0xE0, 0xBB, 0xFA]) == "Canon相机")
    }

    @Test("Latin-1 that is not paired high bytes stays Latin-1; a lone high byte at the end too")
    func latinIsNotMistakenForChinese() {
        for word in ["Über", "Exposição", "Informações", "Ação", "São Paulo", "Crème brûlée"] {
            let latin1 = word.unicodeScalars.map { UInt8($0.value) }
            #expect(ExifText.ascii(latin1) == word)
        }
        #expect(ExifText.ascii([0xDC, 0x62, 0x65, 0x72]) == "Über")
        #expect(ExifText.ascii([0x4E, 0x69, 0xF1, 0x6F]) == "Niño")
        #expect(ExifText.ascii(titleInGBK.dropLast()) == String(String.UnicodeScalarView(titleInGBK.dropLast().map { Unicode.Scalar($0) })))
    }
}
