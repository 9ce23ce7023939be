import Foundation
import Hummingbird
import MultipartKit

/// Streams the file parts of one `multipart/form-data` body to disk, each as it arrives.
/// Confined to the one request task that reads the body.
struct MultipartFiles {
    let boundary: String
    let field: String
    let maxBytes: Int64
    let parent: URL
    /// The self-check wants one file and stops reading there; ingest takes every file.
    let onlyFirst: Bool

    func receive(_ body: RequestBody) async throws -> [ReceivedUpload] {
        let parser = MultipartParser(boundary: boundary)
        let parts = FilePartEvents(field: field)
        parser.onHeader = { name, value in parts.header(name: name, value: value) }
        parser.onBody = { buffer in parts.body(&buffer) }
        parser.onPartComplete = { parts.complete() }
        var ending = ClosingDelimiterWatch(boundary: boundary)

        var received: [ReceivedUpload] = []
        var sink: UploadFileSink?
        do {
            for try await chunk in body {
                ending.observe(chunk)
                do { try parser.execute(chunk) } catch {
                    throw ServerError.badRequest(.uploadMalformed)
                }
                for event in parts.take() {
                    switch event {
                    case .started(let fileName):
                        sink = try UploadFileSink(originalName: fileName, maxBytes: maxBytes, parent: parent)
                    case .bytes(let bytes):
                        guard let current = sink else { continue } // the rest of a file over the limit
                        do {
                            try await current.append(bytes)
                        } catch let error as ServerError where error.status == .contentTooLarge && !onlyFirst {
                            // One file too large must not stop the others: drop it, keep reading.
                            current.abandon()
                            sink = nil
                            received.append(.tooLarge(originalName: current.originalName))
                        }
                    case .ended:
                        if let current = sink { received.append(.file(try await current.finish())) }
                        sink = nil
                    }
                }
                if onlyFirst, !received.isEmpty { break }
            }
            // A sender that goes away between two files ends the body without the closing
            // delimiter; half a batch is not taken either.
            if sink != nil || (!onlyFirst && !received.isEmpty && !ending.seen) { throw ServerError.uploadCutShort }
            guard !received.isEmpty else {
                throw ServerError.badRequest(.uploadHasNoFile(field: field))
            }
            return received
        } catch {
            sink?.abandon()
            received.forEach { $0.discard() }
            throw error
        }
    }
}

/// Turns the multipart parser's callbacks into the start, bytes and end of each file part.
/// A part is a file when its Content-Disposition names the wanted field.
private final class FilePartEvents {
    enum Event {
        case started(fileName: String)
        case bytes(ByteBuffer)
        case ended
    }

    let field: String
    private var headers: [(String, String)] = []
    /// Nil until the first body byte (or the end) of a part shows its headers are complete.
    private var isFile: Bool?
    private var events: [Event] = []

    init(field: String) { self.field = field }

    func header(name: String, value: String) { headers.append((name, value)) }

    func body(_ buffer: inout ByteBuffer) {
        if isFile == nil { decide() }
        if isFile == true { events.append(.bytes(buffer)) }
    }

    func complete() {
        if isFile == nil { decide() } // an empty file has no body
        if isFile == true { events.append(.ended) }
        headers = []
        isFile = nil
    }

    /// What happened since the last call; the bytes are written before more are parsed.
    func take() -> [Event] {
        defer { events = [] }
        return events
    }

    private func decide() {
        guard let disposition = headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1 else {
            isFile = false
            return
        }
        let parameters = HeaderParameters(disposition)
        guard parameters.value(for: "name") == field else {
            isFile = false
            return
        }
        isFile = true
        events.append(.started(fileName: parameters.value(for: "filename*").flatMap(Self.decodeExtended)
                                         ?? parameters.value(for: "filename") ?? "upload"))
    }

    /// RFC 5987: `UTF-8''%E8%A7%86%E9%A2%91.mp4`.
    private static func decodeExtended(_ value: String) -> String? {
        guard let range = value.range(of: "''") else { return nil }
        return String(value[range.upperBound...]).removingPercentEncoding
    }
}

/// Whether the body ended with the multipart closing delimiter (`--boundary--`, then at most a
/// line break): the parser says when each part ends, but not whether the body was complete.
private struct ClosingDelimiterWatch {
    private let delimiter: [UInt8]
    private var tail: [UInt8] = []
    private let keep: Int

    init(boundary: String) {
        delimiter = Array("--\(boundary)--".utf8)
        keep = delimiter.count + 16
    }

    mutating func observe(_ chunk: ByteBuffer) {
        tail.append(contentsOf: chunk.readableBytesView.suffix(keep))
        if tail.count > keep { tail.removeFirst(tail.count - keep) }
    }

    var seen: Bool {
        var end = tail[...]
        while let last = end.last, [0x0D, 0x0A, 0x20, 0x09].contains(last) { end = end.dropLast() }
        return end.count >= delimiter.count && end.suffix(delimiter.count).elementsEqual(delimiter)
    }
}
