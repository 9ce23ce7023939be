import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of an XML part: its local name (prefix dropped: Word, WPS and LibreOffice do not
/// agree on prefixes, and the parts we read do not mix vocabularies that share local names in
/// the places we look), attributes by local name, children in document order and its own text.
public final class OfficeXMLElement: @unchecked Sendable {
    // @unchecked: built once by the parser, then only read.
    public let name: String
    public let attributes: [String: String]
    public internal(set) var children: [OfficeXMLElement] = []
    public internal(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    public func attribute(_ localName: String) -> String? { attributes[localName] }

    public func children(named name: String) -> [OfficeXMLElement] { children.filter { $0.name == name } }

    public func child(_ name: String) -> OfficeXMLElement? { children.first { $0.name == name } }

    /// Every descendant with that name, depth first, in document order.
    public func descendants(named name: String) -> [OfficeXMLElement] {
        var found: [OfficeXMLElement] = []
        var stack = Array(children.reversed())
        while let element = stack.popLast() {
            if element.name == name { found.append(element) }
            stack.append(contentsOf: element.children.reversed())
        }
        return found
    }
}

/// Foundation's XMLParser with everything an outside file could abuse turned off: no external
/// entities, and no DTD at all (a DOCTYPE is refused before parsing, so there is nothing to
/// expand); depth and element count capped while parsing.
enum SafeXMLParser {
    static func parse(_ data: Data, file: String, part: String, limits: ReadingLimits) throws -> OfficeXMLElement {
        if declaresDTD(data) { throw OfficeDocumentError.forbiddenXML(file, part: part) }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        let builder = TreeBuilder(limits: limits)
        parser.delegate = builder
        let parsed = parser.parse()
        if let refusal = builder.refusal {
            switch refusal {
            case .entityDeclared: throw OfficeDocumentError.forbiddenXML(file, part: part)
            case .tooDeep: throw OfficeDocumentError.overLimit(file, "its part \(part) nests XML deeper than \(limits.maxXMLDepth) levels")
            case .tooManyElements: throw OfficeDocumentError.overLimit(file, "its part \(part) has more than \(limits.maxXMLElements) XML elements")
            }
        }
        guard parsed, let root = builder.root else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "no XML found"
            throw OfficeDocumentError.damaged(file, "its part \(part) is not well-formed XML: \(reason) at line \(parser.lineNumber)")
        }
        return root
    }

    /// A DOCTYPE (and with it any entity declaration) anywhere in the part. Office parts never
    /// have one. UTF-16 parts are decoded first so the marker cannot hide between zero bytes.
    static func declaresDTD(_ data: Data) -> Bool {
        let markers = ["<!DOCTYPE", "<!ENTITY"]
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let text = String(data: data, encoding: .utf16) ?? ""
            return markers.contains { text.range(of: $0, options: .caseInsensitive) != nil }
        }
        return markers.contains { marker in
            let bytes = Array(marker.utf8)
            let upper = Data(bytes)
            let lower = Data(marker.lowercased().utf8)
            return data.range(of: upper) != nil || data.range(of: lower) != nil
        }
    }

    private enum Refusal { case entityDeclared, tooDeep, tooManyElements }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        let limits: ReadingLimits
        var root: OfficeXMLElement?
        var stack: [OfficeXMLElement] = []
        var elementCount = 0
        var refusal: Refusal?

        init(limits: ReadingLimits) { self.limits = limits }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            elementCount += 1
            if elementCount > limits.maxXMLElements { return refuse(.tooManyElements, parser) }
            if stack.count >= limits.maxXMLDepth { return refuse(.tooDeep, parser) }
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict { attributes[Self.localName(key)] = value }
            let element = OfficeXMLElement(name: Self.localName(elementName), attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }

        // Belt and braces: the DOCTYPE scan already refused these.
        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            refuse(.entityDeclared, parser)
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            refuse(.entityDeclared, parser)
        }

        private func refuse(_ reason: Refusal, _ parser: XMLParser) {
            if refusal == nil { refusal = reason }
            parser.abortParsing()
        }

        private static func localName(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }
    }
}
