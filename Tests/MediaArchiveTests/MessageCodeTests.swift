import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// Schema 3: the catalogue stores messages as codes with their arguments and words them when
/// they are shown, in either language.
struct MessageCodeTests {
    static func roundTrip(_ message: Message) throws -> (json: [String: Any], back: Message) {
        let data = try JSONEncoder().encode(MessageCode(message))
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (json, try JSONDecoder().decode(MessageCode.self, from: data).message)
    }

    /// What a stored file can be told (its reasons and warnings) comes back as the same message;
    /// the rest (tokens, uploads, export folders …) comes back as its words in both languages.
    @Test(arguments: MessageTests.samples)
    func everyMessageReadsBackWithTheSameWords(message: Message) throws {
        let (json, back) = try Self.roundTrip(message)
        for language in Language.allCases {
            #expect(back.text(in: language) == message.text(in: language), "\(MessageTests.caseName(message)) in \(language)")
        }
        let code = try #require(json["code"] as? String)
        if code == "worded" {
            #expect(json["en"] as? String == message.text(in: .en) && json["zh"] as? String == message.text(in: .zh))
        } else {
            #expect(back == message)
            #expect(code == MessageTests.caseName(message))
        }
    }

    @Test func argumentsAreStoredByNameNotAsSentences() throws {
        let (json, _) = try Self.roundTrip(.videoOverLimit(durationSeconds: 192, limitSeconds: 180))
        #expect(json as NSDictionary == ["code": "videoOverLimit", "durationSeconds": 192, "limitSeconds": 180] as NSDictionary)
        let (nested, _) = try Self.roundTrip(.photoUnreadable(problem: .cannotRead(.photoRefused(.damagedContainer, english: "bad box"))))
        let problem = try #require(nested["problem"] as? [String: Any])
        #expect(problem["code"] as? String == "photoRefused" && problem["refusal"] as? String == "damagedContainer")
    }

    @Test func anUnknownCodeIsNamedInTheError() throws {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(MessageCode.self, from: Data(#"{"code":"fromTheFuture"}"#.utf8))
        }
        #expect("\(String(describing: error))".contains("fromTheFuture"))
    }

    /// The day file keeps codes only; every reader (decoded entries, `search --json`'s lines)
    /// gets the sentences in English and under `zh` in Chinese, worded from the codes.
    @Test func aNewEntryStoresCodesAndShowsSentences() throws {
        let settings = try CatalogTests.populated()
        let shard = try CatalogTests.shard(of: "2021-05-22", in: settings)
        let stored = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: shard)) as? [[String: Any]])
        let line = try #require(stored.first)
        #expect(line["schemaVersion"] as? Int == 3)
        #expect(line["reasons"] == nil && line["warnings"] == nil && line["zh"] == nil)
        let messages = try #require(line["messages"] as? [String: [[String: Any]]])
        let codes = try #require(messages["warnings"]).compactMap { $0["code"] as? String }
        #expect(codes.contains("handedInLate"))

        let catalog = Catalog(settings: settings)
        let entry = try #require(catalog.search(CatalogQuery()).first { $0.sha256.hex == line["sha256"] as? String })
        let late = try #require(entry.messages?.warnings.map(\.message).first { if case .handedInLate = $0 { true } else { false } })
        #expect(entry.warnings(in: .en).contains(late.text(in: .en)))
        #expect(entry.warnings(in: .zh).contains(late.text(in: .zh)))
        #expect(late.text(in: .zh).contains("截止日期"))

        let shown = try catalog.searchJSONLines(CatalogQuery()).compactMap {
            try JSONSerialization.jsonObject(with: $0) as? [String: Any]
        }.first { $0["sha256"] as? String == entry.sha256.hex }
        let json = try #require(shown)
        #expect(json["warnings"] as? [String] == entry.warnings(in: .en))
        #expect((json["zh"] as? [String: [String]])?["warnings"] == entry.warnings(in: .zh))
        #expect(json["messages"] != nil && json["reasons"] as? [String] == [])
    }
}
