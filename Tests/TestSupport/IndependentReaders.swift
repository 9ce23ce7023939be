import Foundation

/// openpyxl (PyPI) and LibreOffice, run as independent readers of the workbooks we write.
/// scripts/install-deps.sh installs both; tests that need one are skipped when it is absent.
public enum IndependentReaders {
    public static let openpyxlAvailable: Bool =
        (try? ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import openpyxl"]).status) == 0
    public static let openpyxlMissingNote = "the Python openpyxl package is not installed (scripts/install-deps.sh); openpyxl read-back skipped"

    public static let sofficeAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")
    public static let sofficeMissingNote = "LibreOffice is not installed (scripts/install-deps.sh); LibreOffice checks skipped"

    /// A sheet as openpyxl reads it.
    public struct OpenpyxlSheet: Decodable {
        public var name: String
        public var rows: [[String]]
        /// Whether the header row's first cell is bold.
        public var headerBold: Bool
    }

    public static func openpyxl(_ workbook: URL) throws -> [OpenpyxlSheet] {
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps([{"name": s.title,
                               "rows": [["" if v is None else str(v) for v in row] for row in s.iter_rows(values_only=True)],
                               "headerBold": bool(s.cell(row=1, column=1).font.b)} for s in book.worksheets]))
            """
        let output = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, workbook.path])
        guard output.status == 0 else { throw ReaderFailure(message: "openpyxl: \(output.stderr)") }
        return try JSONDecoder().decode([OpenpyxlSheet].self, from: Data(output.stdout.utf8))
    }

    /// The first sheet as LibreOffice converts it to CSV (UTF-8), with its own temporary profile.
    public static func libreOfficeCSV(_ workbook: URL) throws -> String {
        let work = try Fixtures.temporaryFolder("soffice-csv")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/timeout"), [
            "120", "/usr/bin/soffice", "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
            "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", work.path, workbook.path,
        ])
        let csv = work.appendingPathComponent(workbook.deletingPathExtension().lastPathComponent + ".csv")
        guard output.status == 0, let text = try? String(contentsOf: csv, encoding: .utf8) else {
            throw ReaderFailure(message: "LibreOffice did not convert \(workbook.lastPathComponent): \(output.stdout) \(output.stderr)")
        }
        return text
    }

    public struct ReaderFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
