import Foundation
import Hummingbird
import MediaArchive

/// JSON as the command line prints it (`--json`): sorted keys, slashes unescaped.
enum JSONResponse {
    /// Messages (`reasons`, `warnings`, `error`) are written in `language`.
    static func encode<Value: Encodable>(_ value: Value, in language: Language = .en) throws -> Response {
        let encoder = JSONEncoder()
        encoder.userInfo[.messageLanguage] = language
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return response(data)
    }

    /// A JSON array whose elements are already JSON text (catalogue lines, passed through).
    static func array(ofLines lines: [Data]) -> Response {
        response(Catalog.jsonArray(lines))
    }

    private static func response(_ data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
