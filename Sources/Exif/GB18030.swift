import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chinese text in GBK or GB18030, the encodings of Chinese Windows and of cameras made for the
/// Chinese market before UTF-8: "华龙区" arrives as BB AA C1 FA C7 F8, not as UTF-8.
///
/// Only text that looks like Chinese is decoded: every byte above 0x7F must pair with another
/// one, both in the range GB2312 (the common characters and full-width punctuation) writes
/// them in, and no such pair may sit between two Latin letters. A Latin-1 name such as "Über"
/// (DC 62 65 72) has an unpaired byte; Portuguese "Exposição" (…69 E7 E3 6F…) has a pair, but
/// between letters, where Chinese characters rarely are; both are left to the Latin-1 fallback
/// rather than turned into CJK characters. The decoding itself is iconv's, which refuses any
/// invalid sequence.
enum GB18030 {
    static func decode(_ bytes: [UInt8]) -> String? {
        guard looksChinese(bytes) else { return nil }
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }

        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 4) // ≤ 3 UTF-8 bytes per 2 GB bytes, 4 per 4
        let written: Int? = input.withUnsafeMutableBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer in
                var inPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[..<written], as: UTF8.self)
    }

    /// See the type's comment: paired GB2312-range bytes, none between two Latin letters.
    static func looksChinese(_ bytes: [UInt8]) -> Bool {
        func isLatinLetter(_ index: Int) -> Bool {
            guard bytes.indices.contains(index) else { return false }
            let byte = bytes[index] | 0x20
            return (0x61...0x7A).contains(byte)
        }
        var index = 0
        var pairs = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            guard (0xA1...0xF7).contains(bytes[index]), index + 1 < bytes.count,
                  (0xA1...0xFE).contains(bytes[index + 1]),
                  !(isLatinLetter(index - 1) && isLatinLetter(index + 2)) else { return false }
            pairs += 1
            index += 2
        }
        return pairs > 0
    }
}
