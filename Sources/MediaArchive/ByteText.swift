/// Sizes for people: 1 GiB, 512 KiB, 90 bytes.
public enum ByteText {
    public static func describe(_ bytes: Int64) -> String {
        describe(bytes, in: .en)
    }

    /// As `describe`, with the word for a few bytes in `language` ("90 字节"); the binary units
    /// read the same in both.
    public static func describe(_ bytes: Int64, in language: Language) -> String {
        let units: [(Int64, String)] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, unit) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            return value == value.rounded() ? "\(Int(value)) \(unit)" : String(format: "%.1f \(unit)", value)
        }
        return language == .zh ? "\(bytes) 字节" : "\(bytes) bytes"
    }
}
