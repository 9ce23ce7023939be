import ArgumentParser
import Foundation
import MediaArchive

extension MediaArchiveCommand {
    struct Forms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The registration-form records (附件1 key projects, 附件2 open institutions): list, add, export.",
            subcommands: [List.self, Add.self, Export.self],
            defaultSubcommand: List.self
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List a round's records, county by county (the default of `forms`).")
            @OptionGroup var options: ArchiveOptions
            @Option(help: "The round (see `media-archive round list`). Default: the current round.") var round: String?
            @Option(name: .long, help: "A county (repeatable): slug, Chinese name or code. Default: all.") var county: [String] = []
            @Option(help: "Only this form: key-projects or open-institutions (附件1, 附件2).") var form: String?

            func run() throws {
                let settings = try options.loadExistingArchive()
                let form = try FormsArguments.form(self.form)
                let counties = try county.map { try settings.county($0) }
                var records: [FormRecord]
                do {
                    let round = try settings.round(self.round)
                    records = try try options.loadBackends().forms(settings).records(round: round.id, counties: counties)
                } catch { throw failArchive(error) }
                if let form { records = records.filter { $0.form == form } }
                if options.json { try JSONOutput.print(records); return }
                let zh = Language.ofReader == .zh
                let names = Dictionary(settings.counties.counties.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
                let rows = records.map { record in
                    [record.id, names[record.county] ?? record.county, record.form.part.name(in: .ofReader),
                     record.fields[record.form == .keyProject ? "projectName" : "institution"] ?? "", String(record.enteredAt.prefix(16)).replacingOccurrences(of: "T", with: " "),
                     record.entry.map { String($0.prefix(12)) } ?? (zh ? "手工录入" : "by hand")]
                }
                let header = zh ? ["编号", "区县", "表", "名称", "录入时间", "来源"] : ["ID", "COUNTY", "FORM", "NAME", "ENTERED", "FROM"]
                print(TextTable(header: header, rows: rows).render())
            }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Enter one record by hand: FIELD=VALUE …, fields by their Chinese labels or JSON keys.",
                discussion: """
                    Example: forms add --county 南乐县 --form key-projects 项目名称=科普大篷车进乡村 主办单位=南乐县科协 \
                    举办时间=2022-05-22. Fields not given stay empty. For a file the county sent, \
                    `ingest --as key-projects` reads the records from it instead.
                    """
            )
            @OptionGroup var options: ArchiveOptions
            @Option(help: "The county: slug, Chinese name or code.") var county: String
            @Option(help: "The round. Default: the current round.") var round: String?
            @Option(help: "key-projects or open-institutions (附件1, 附件2).") var form: String
            @Argument(help: "FIELD=VALUE, e.g. 项目名称=科普大篷车进乡村 or projectName=….") var fields: [String] = []

            func run() throws {
                let settings = try options.loadExistingArchive()
                guard let form = try FormsArguments.form(self.form) else { return }
                let county = try settings.county(self.county)
                let record: FormRecord
                do {
                    let round = try settings.round(self.round)
                    record = try try options.loadBackends().forms(settings).enter(form: form, county: county, round: round, assignments: fields)
                } catch ArchiveError.formInput(let problem) {
                    Terminal.standardError.error(readable(ArchiveError.formInput(problem)))
                    throw ExitCode(64)
                } catch { throw failArchive(error) }
                let logged = AuditRecording.record(.formAdded, record: record, log: try options.loadBackends().audit(settings))
                if options.json { try JSONOutput.print(record) } else {
                    let zh = Language.ofReader == .zh
                    print(zh ? "已录入 \(record.id)（\(county.name)，\(form.title)，第 \(record.round) 届）"
                             : "entered \(record.id) (\(county.name), \(form.title), round \(record.round))")
                }
                // The record is kept; an unwritten log line is told by the exit status (as for ingest).
                if !logged { throw ExitCode(2) }
            }
        }

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the round's consolidated tables for the bureau: FILE.xlsx or FILE.csv.",
                discussion: """
                    .xlsx: one workbook with a sheet per form ("附件1 重点项目备案表", "附件2 开放活动备案表"), \
                    both always present. .csv: one file per form beside FILE (名单.csv → \
                    名单-key-projects.csv and 名单-open-institutions.csv), UTF-8 with a byte-order mark. \
                    Each table has a 区县 column, then the form's columns under their Chinese labels, \
                    counties in registry order. An existing file of the same name is replaced.
                    """
            )
            @OptionGroup var options: ArchiveOptions
            @Option(help: "The round. Default: the current round.") var round: String?
            @Option(name: .long, help: "A county (repeatable). Default: all.") var county: [String] = []
            @Option(name: .customLong("to"), help: ArgumentHelp("The file to write: .xlsx or .csv.", valueName: "file")) var file: String

            func run() throws {
                let settings = try options.loadExistingArchive()
                let counties = try county.map { try settings.county($0) }
                let written: (files: [URL], records: Int)
                do {
                    let round = try settings.round(self.round)
                    written = try try options.loadBackends().forms(settings).export(round: round.id, counties: counties, to: URL(fileURLWithPath: file))
                } catch ArchiveError.formInput(let problem) {
                    Terminal.standardError.error(readable(ArchiveError.formInput(problem)))
                    throw ExitCode(64)
                } catch { throw failArchive(error) }
                if options.json {
                    try JSONOutput.print(FormsExportResult(files: written.files.map(\.path), records: written.records))
                    return
                }
                let zh = Language.ofReader == .zh
                for url in written.files { print(url.path) }
                print(zh ? "共 \(written.records) 条记录" : "\(written.records) record\(written.records == 1 ? "" : "s")")
            }
        }
    }
}

/// `forms export --json`.
struct FormsExportResult: Encodable {
    var files: [String]
    var records: Int
}

enum FormsArguments {
    /// `--form`, or a usage error naming the two forms.
    static func form(_ text: String?) throws -> RegistrationForm? {
        guard let text else { return nil }
        guard let form = RegistrationForm(naming: text) else {
            throw ValidationError("--form \"\(text)\" is not a form: use key-projects (附件1) or open-institutions (附件2)")
        }
        return form
    }
}
