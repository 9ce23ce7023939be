import ArgumentParser
import Foundation
import MediaArchive

extension MediaArchiveCommand {
    struct RoundCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "round",
            abstract: "The science weeks (rounds) the archive knows: create, list, show.",
            subcommands: [Create.self, List.self, Show.self]
        )

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create a round: rounds/<id>.json.",
                discussion: "Example: round create 2022 --name 2022年全市科技活动周 --week 2022-05-21..2022-05-27 --deadline 2022-06-03 --registration-deadline 2022-05-14"
            )
            @OptionGroup var options: ArchiveOptions
            @Argument(help: "The round's id, usually the year (letters, digits and -).") var id: String
            @Option(help: "Its name, e.g. 2022年全市科技活动周.") var name: String
            @Option(help: "The week: START..END (YYYY-MM-DD..YYYY-MM-DD).") var week: String
            @Option(help: "When the hand-in is due, YYYY-MM-DD.") var deadline: String
            @Option(help: "When the registration forms are due, YYYY-MM-DD.") var registrationDeadline: String?
            @Option(help: "The week's theme.") var theme: String?
            @Option(help: "The longest a video may run this round, in seconds (default: the policy's).") var maxVideoSeconds: Double?
            @Option(help: "What each county must hand in: part=N,… (default key-projects=1,summary=1,photo=1).") var requires: String?

            func run() throws {
                guard MediaArchive.Round.isValidID(id) else { throw ValidationError("\"\(id)\" is not a round id: use letters, digits and - (e.g. 2022)") }
                let days = week.components(separatedBy: "..")
                guard days.count == 2, let start = CalendarDay(parsing: days[0]), let end = CalendarDay(parsing: days[1]), start <= end else {
                    throw ValidationError("--week \"\(week)\" is not START..END, e.g. 2022-05-21..2022-05-27")
                }
                guard let due = try parseDay(deadline, flag: "--deadline") else { return }
                if let seconds = maxVideoSeconds, !(seconds > 0) { throw ValidationError("--max-video-seconds must be positive") }
                var round = MediaArchive.Round(id: id, name: name, theme: theme, eventWindow: DayRange(start: start, end: end),
                                               registrationDeadline: try parseDay(registrationDeadline, flag: "--registration-deadline"),
                                               deadline: due, maxVideoSeconds: maxVideoSeconds)
                if let requires { round.requires = try Self.requirements(requires) }
                let settings = try options.loadSettings()
                do {
                    _ = try settings.rounds.create(round, root: settings.root)
                } catch {
                    throw failArchive(error)
                }
                if options.json { try JSONOutput.print(round) } else { print(RoundText.describe(round)) }
            }

            static func requirements(_ text: String) throws -> [Part: Int] {
                var parts = MediaArchive.Round.usualRequirements.mapValues { _ in 0 }
                for item in text.split(separator: ",") {
                    let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard pair.count == 2, let part = Part(rawValue: pair[0]), let count = Int(pair[1]), count >= 0 else {
                        throw ValidationError("--requires \"\(item)\" is not part=N with a part of \(Part.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    parts[part] = count
                }
                return parts
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every round, oldest week first; the current one marked.")
            @OptionGroup var options: ArchiveOptions

            func run() throws {
                let settings = try options.loadSettings()
                let current = settings.rounds.current(today: settings.day())
                if options.json { try JSONOutput.print(settings.rounds.rounds); return }
                let zh = Language.ofReader == .zh
                let rows = settings.rounds.rounds.map { round in
                    [round.id == current.id ? "*" : "", round.id, round.name, "\(round.eventWindow.start)..\(round.eventWindow.end)",
                     round.registrationDeadline?.description ?? "—", round.deadline.description]
                }
                let header = zh ? ["", "届", "名称", "活动周", "备案截止", "截止"] : ["", "ROUND", "NAME", "WEEK", "REGISTRATION", "DEADLINE"]
                print(TextTable(header: header, rows: rows).render())
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "One round: its week, deadlines, limit and what it requires.")
            @OptionGroup var options: ArchiveOptions
            @Argument(help: "The round's id.") var id: String

            func run() throws {
                let settings = try options.loadSettings()
                let round: MediaArchive.Round
                do { round = try settings.round(id) } catch { throw failArchive(error) }
                if options.json { try JSONOutput.print(round) } else { print(RoundText.describe(round)) }
            }
        }
    }
}

enum RoundText {
    static func describe(_ round: MediaArchive.Round, language: Language = .ofReader) -> String {
        let zh = language == .zh
        let requires = Part.allCases.filter { round.need($0) > 0 }.map { "\($0.name(in: language)) \(round.need($0))" }
        let lines: [(String, String)] = [
            (zh ? "届" : "round", round.id), (zh ? "名称" : "name", round.name), (zh ? "主题" : "theme", round.theme ?? "—"),
            (zh ? "活动周" : "week", "\(round.eventWindow.start)..\(round.eventWindow.end)"),
            (zh ? "备案截止" : "registration deadline", round.registrationDeadline?.description ?? "—"),
            (zh ? "截止" : "deadline", round.deadline.description),
            (zh ? "视频上限（秒）" : "max video seconds", round.maxVideoSeconds.map { String(format: "%g", $0) } ?? (zh ? "按政策" : "as the policy")),
            (zh ? "要求" : "requires", requires.isEmpty ? "—" : requires.joined(separator: zh ? "、" : ", ")),
        ]
        return lines.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
    }
}
