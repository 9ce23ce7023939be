import Foundation

/// Why a handed-in Word or Excel file was not read, in words a clerk can act on. Every case names
/// the file (its last path component, as the clerk knows it) and what to do about it.
public struct OfficeDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Not a zip at all, or a zip without the parts a DOCX/XLSX must have.
        case notAnOfficeFile
        /// A part the package names is missing or broken (bad XML, bad deflate data).
        case damaged
        /// Over one of `ReadingLimits` (zip bomb, entity bomb, absurd nesting).
        case overLimit
        /// A DOCTYPE or entity declaration: never used by Word, WPS or Excel, used by attacks.
        case forbiddenXML
    }

    public var file: String
    public var reason: Reason
    /// The whole sentence: what is wrong and what to do.
    public var message: String

    public init(file: String, reason: Reason, message: String) {
        self.file = file
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(file): \(message)" }

    static func notAnOfficeFile(_ file: String, _ detail: String) -> Self {
        Self(file: file, reason: .notAnOfficeFile,
             message: "\(detail); it is not a Word (.docx) or Excel (.xlsx) file — ask the county to save it again as .docx or .xlsx")
    }

    static func damaged(_ file: String, _ detail: String) -> Self {
        Self(file: file, reason: .damaged,
             message: "the file is damaged (\(detail)) — ask the county to save it again and resend it")
    }

    static func overLimit(_ file: String, _ detail: String) -> Self {
        Self(file: file, reason: .overLimit, message: "\(detail); it is not a usable form — ask the county for the form itself")
    }

    static func forbiddenXML(_ file: String, part: String) -> Self {
        Self(file: file, reason: .forbiddenXML,
             message: "its part \(part) declares XML entities (a DOCTYPE), which Word, WPS and Excel never write and attacks do; the file was refused — ask the county to save the form again from Word, WPS or Excel")
    }
}
