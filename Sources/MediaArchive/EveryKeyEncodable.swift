/// JSON output types whose every key must be present, with `null` for what is unknown, so that
/// scripts can rely on the keys (DESIGN.md: "extend, never rename"). Synthesized `Encodable`
/// would leave out nil properties; this writes each stored property under its own name.
public protocol EveryKeyEncodable: Encodable {
    /// Stored properties written under another key: the key is the contract, the property's
    /// name may say more (`reasonMessages` is written as `reasons`).
    static var keysForProperties: [String: String] { get }
    /// Keys this value does not write: those its own version of the contract did not have yet
    /// (an old catalogue entry reads back exactly as it was written).
    var keysLeftOut: Set<String> { get }
}

extension EveryKeyEncodable {
    public static var keysForProperties: [String: String] { [:] }
    public var keysLeftOut: Set<String> { [] }

    public func encode(to encoder: any Encoder) throws {
        try encodeEveryKey(to: encoder, leavingOut: keysLeftOut)
    }

    /// Every stored property but those whose keys are in `leftOut` (for types that choose the
    /// keys by what the encoder is for).
    public func encodeEveryKey(to encoder: any Encoder, leavingOut leftOut: Set<String>) throws {
        var container = encoder.container(keyedBy: PropertyKey.self)
        for child in Mirror(reflecting: self).children {
            guard let name = child.label else { continue }
            let key = PropertyKey(stringValue: Self.keysForProperties[name] ?? name)
            if leftOut.contains(key.stringValue) { continue }
            if let optional = child.value as? any OptionalValue, optional.isNone {
                try container.encodeNil(forKey: key)
            } else if let value = child.value as? any Encodable {
                try container.encode(value, forKey: key)
            }
        }
    }
}

private struct PropertyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    fileprivate var isNone: Bool { self == nil }
}
