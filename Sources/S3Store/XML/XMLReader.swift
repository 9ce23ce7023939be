import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a store's XML reply with Foundation's `XMLParser`, defensively: the endpoint is only
/// as trusted as the network between us, so no document type declarations (no entities, no
/// external fetches, no entity expansion bombs) and fixed limits on size, depth and count.
enum XMLReader {
    struct Limits: Sendable {
        var maximumBytes = 16 << 20
        var maximumDepth = 16
        var maximumElements = 200_000
    }

    struct Failure: Error, CustomStringConvertible {
        var reason: String
        var description: String { "the store's XML reply could not be read: \(reason)" }
    }

    static func parse(_ bytes: [UInt8], limits: Limits = Limits()) throws -> ReplyElement {
        guard bytes.count <= limits.maximumBytes else {
            throw Failure(reason: "it is \(bytes.count) bytes, more than the \(limits.maximumBytes) allowed")
        }
        // S3 never sends a DTD; refusing one outright closes every entity trick at once.
        if containsDeclaration(bytes) {
            throw Failure(reason: "it carries a document type or entity declaration, which S3 never sends")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder(limits: limits)
        parser.delegate = builder
        let parsed = parser.parse()
        if let failure = builder.failure {
            throw failure
        }
        guard parsed, let root = builder.root else {
            let detail = parser.parserError.map { " (\($0.localizedDescription))" } ?? ""
            throw Failure(reason: "it is not well-formed XML\(detail)")
        }
        return root
    }

    private static func containsDeclaration(_ bytes: [UInt8]) -> Bool {
        let marker = Array("<!".utf8)
        guard bytes.count >= marker.count else { return false }
        for index in 0...(bytes.count - marker.count) where bytes[index] == marker[0] && bytes[index + 1] == marker[1] {
            // `<![CDATA[` is ordinary text; `<!DOCTYPE` and `<!ENTITY` are not.
            if !bytes[index...].starts(with: Array("<![CDATA[".utf8)) && !bytes[index...].starts(with: Array("<!--".utf8)) {
                return true
            }
        }
        return false
    }

    /// Not Sendable and never shared: one builder per parse, used on the parsing thread only.
    private final class TreeBuilder: NSObject, XMLParserDelegate {
        let limits: Limits
        var stack: [ReplyElement] = []
        var root: ReplyElement?
        var elements = 0
        var failure: Failure?

        init(limits: Limits) {
            self.limits = limits
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            elements += 1
            if elements > limits.maximumElements {
                stop(parser, "it has more than \(limits.maximumElements) elements")
            } else if stack.count >= limits.maximumDepth {
                stop(parser, "it nests deeper than \(limits.maximumDepth) levels")
            }
            stack.append(ReplyElement(name: elementName, text: "", children: []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard var finished = stack.popLast() else { return }
            // Text beside child elements is only indentation.
            if !finished.children.isEmpty {
                finished.text = ""
            }
            if stack.isEmpty {
                root = finished
            } else {
                stack[stack.count - 1].children.append(finished)
            }
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            stop(parser, "it declares the entity \(name)")
        }

        func parser(
            _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
        ) {
            stop(parser, "it declares the external entity \(name)")
        }

        private func stop(_ parser: XMLParser, _ reason: String) {
            if failure == nil {
                failure = Failure(reason: reason)
            }
            parser.abortParsing()
        }
    }
}
