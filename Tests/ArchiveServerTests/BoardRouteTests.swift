import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import NIOCore
import Testing
import TestSupport

/// The clerks' board `/board` (issue 12 item 3) over a small round that asks for a summary and
/// a photo: qingfeng handed in both in time, nanle only its photo, fanxian both after the due day.
struct BoardRouteTests {
    struct Office {
        var settings: ArchiveSettings
        var round: Round
        var clerk, archivist, county: String
        var nanlePhoto: String

        init() throws {
            settings = try makeSettings()
            round = Round(id: "2026", name: "2026 科技活动周",
                          eventWindow: DayRange(start: CalendarDay(2026, 5, 22), end: CalendarDay(2026, 5, 28)),
                          registrationDeadline: CalendarDay(2026, 6, 1), deadline: CalendarDay(2026, 6, 30),
                          requires: [.summary: 1, .photo: 1])
            settings.rounds = RoundRegistry(rounds: [round])
            let tokens = AccessTokens(root: settings.root)
            clerk = try tokens.create(role: .clerk).secret
            archivist = try tokens.create(role: .archivist).secret
            county = try tokens.create(role: .county, county: "nanle").secret
            let inTime = Self.date("2026-05-25T10:00:00+08:00"), late = Self.date("2026-07-05T10:00:00+08:00")
            let (settings, round) = (settings, round)
            func hand(_ fixtures: [String], county slug: String, at date: Date) throws -> [String] {
                try Self.hand(fixtures, county: slug, at: date, settings: settings, round: round)
            }
            _ = try hand(["summary.pdf", "photo.jpg"], county: "qingfeng", at: inTime)
            nanlePhoto = try #require(try hand(["photo.jpg"], county: "nanle", at: inTime).first)
            _ = try hand(["summary.pdf", "photo.jpg"], county: "fanxian", at: late)
            try FormStore(settings: settings).add([FormRecord(form: .keyProject, county: "qingfeng", round: round.id, entry: nil,
                                                              fields: ["projectName": "科普大篷车"], enteredAt: "2026-05-20T09:00:00+08:00")])
        }

        static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

        static func hand(_ fixtures: [String], county slug: String, at date: Date, settings: ArchiveSettings, round: Round) throws -> [String] {
            let county = try settings.counties.resolve(slug)
            return try fixtures.map { fixture in
                let part: Part = fixture.hasSuffix(".pdf") ? .summary : .photo
                let receipts = try Ingester(settings: settings, county: county, round: round, part: part, now: { date })
                    .ingest(paths: [Fixtures.media(fixture)])
                return try #require(receipts.first?.sha256?.hex)
            }
        }
    }

    struct Answer {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var text: String { String(buffer: body) }

        /// The board's table row of one county.
        func row(_ slug: String) -> String {
            guard let start = text.range(of: "<tr data-county=\"\(slug)\">") else { return "" }
            return String(text[start.lowerBound...].prefix { $0 != "\n" })
        }
    }

    static func send(_ office: Office, _ uri: String, method: HTTPRequest.Method = .get, secret: String?,
                     headers extra: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Answer {
        var bearer = extra
        if let secret { bearer[.authorization] = "Bearer \(secret)" }
        let headers = bearer
        return try await testApplication(settings: office.settings).test(.router) { client in
            try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
                Answer(status: response.status, headers: response.headers, body: response.body)
            }
        }
    }

    @Test func theClerkSeesEveryCountyWithTheStateOfEachPart() async throws {
        let office = try Office()
        let board = try await Self.send(office, "/board?lang=en", secret: office.clerk)
        #expect(board.status == .ok)
        for county in office.settings.counties.counties {
            #expect(board.text.contains("<tr data-county=\"\(county.slug)\">"), "no row for \(county.slug)")
        }
        // Columns: key-projects (a record is in), summary, photo.
        let qingfeng = board.row("qingfeng")
        #expect(qingfeng.components(separatedBy: "<td class=\"met\"><a href=\"#county-qingfeng\">✓ 1</a></td>").count == 4, "\(qingfeng)")
        let nanle = board.row("nanle")
        #expect(nanle.contains("<td class=\"missing\"><a href=\"#county-nanle\">missing</a></td>"), "\(nanle)")
        #expect(nanle.contains("<td class=\"met\"><a href=\"#county-nanle\">✓ 1</a></td>"), "\(nanle)")
        let fanxian = board.row("fanxian")
        #expect(fanxian.components(separatedBy: "<td class=\"late\"><a href=\"#county-fanxian\">✓ 1 late 1</a></td>").count == 3, "\(fanxian)")
        // The clerk can return nanle's photo and reopen its forms from the board.
        #expect(board.text.contains("action=\"/api/items/\(office.nanlePhoto)/return?county=nanle&amp;round=2026&amp;part=photo\""))
        #expect(board.text.contains("action=\"/api/forms/reopen?county=nanle&amp;round=2026\""))
        #expect(board.text.contains("href=\"/board/forms.xlsx?round=2026\""))
    }

    @Test func theReminderNamesWhatEachCountyStillOwesInTheReadersLanguage() async throws {
        let office = try Office()
        let english = try await Self.send(office, "/board?lang=en", secret: office.clerk)
        let reminder = try #require(english.text.range(of: "<textarea id=\"reminder\" readonly rows=\"6\">").map {
            String(english.text[$0.upperBound...].prefix { $0 != "<" })
        })
        #expect(reminder.contains("南乐县 (nanle) still owes: summary (0 of 1)"), "\(reminder)")
        #expect(!reminder.contains("清丰县") && !reminder.contains("范县"), "\(reminder)")
        let chinese = try await Self.send(office, "/board", secret: office.clerk)
        #expect(chinese.text.contains("南乐县：还缺 总结（0/1）"))
        #expect(chinese.text.contains("逾期1"))
    }

    @Test func anArchivistLooksWithoutFormsACountyIsRefusedAndNobodyLogsIn() async throws {
        let office = try Office()
        let archivist = try await Self.send(office, "/board?lang=en", secret: office.archivist)
        #expect(archivist.status == .ok)
        #expect(archivist.row("nanle").contains("missing"))
        #expect(!archivist.text.contains("<form class=\"return\"") && !archivist.text.contains("<form class=\"reopen\""))
        let county = try await Self.send(office, "/board", secret: office.county)
        #expect(county.status == .forbidden)
        #expect(!county.text.contains("清丰县"))
        let countyWorkbook = try await Self.send(office, "/board/forms.xlsx", secret: office.county)
        #expect(countyWorkbook.status == .forbidden)
        let nobody = try await Self.send(office, "/board", secret: nil)
        #expect(nobody.status == .seeOther)
        #expect(nobody.headers[.location]?.hasPrefix("/login") == true)
    }

    @Test func aReturnPostedFromTheBoardGoesBackToTheBoardWithTheNoteShown() async throws {
        let office = try Office()
        let form: HTTPFields = [.cookie: "media_archive_token=\(office.clerk)", .origin: "http://localhost",
                                .contentType: "application/x-www-form-urlencoded"]
        let returned = try await Self.send(office, "/api/items/\(office.nanlePhoto)/return?county=nanle&round=2026&part=photo", method: .post,
                                           secret: nil, headers: form, body: ByteBuffer(string: "note=%E8%AF%B7%E6%8D%A2%E4%B8%80%E5%BC%A0"))
        #expect(returned.status == .seeOther, "\(returned.text)")
        #expect(returned.headers[.location] == "/board?round=2026#county-nanle")
        let board = try await Self.send(office, "/board", secret: office.clerk)
        #expect(board.text.contains("退回修改") && board.text.contains("请换一张"))
        // Returned once, it offers no second return; the photo no longer counts.
        #expect(!board.text.contains("action=\"/api/items/\(office.nanlePhoto)/return?county=nanle"))
        #expect(board.row("nanle").contains("<td class=\"missing\"><a href=\"#county-nanle\">缺</a></td><td class=\"missing\"><a href=\"#county-nanle\">缺</a></td>"),
                "\(board.row("nanle"))")
        let reopened = try await Self.send(office, "/api/forms/reopen?county=nanle&round=2026", method: .post, secret: nil, headers: form)
        #expect(reopened.status == .seeOther)
        let marks = try MarkLog(settings: office.settings).marks(county: try office.settings.counties.resolve("nanle"))
        #expect(marks.formsReopened(round: "2026"))
    }

    @Test func theFormsWorkbookHasBothSheetsAndTheRecord() async throws {
        let office = try Office()
        let workbook = try await Self.send(office, "/board/forms.xlsx?round=2026", secret: office.archivist)
        #expect(workbook.status == .ok)
        #expect(workbook.headers[.contentDisposition]?.contains("attachment") == true)
        let bytes = Data(buffer: workbook.body)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "not a zip")
        let file = try Fixtures.temporaryFolder("board-xlsx").appendingPathComponent("forms.xlsx")
        try bytes.write(to: file)
        guard IndependentReaders.openpyxlAvailable else {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("xl/worksheets/sheet1.xml") && text.contains("xl/worksheets/sheet2.xml"))
            return
        }
        let sheets = try IndependentReaders.openpyxl(file)
        #expect(sheets.count == 2)
        #expect(sheets.first?.rows.contains { $0.contains("科普大篷车") && $0.contains("清丰县") } == true, "\(sheets)")
    }

    @Test func aClerkWhoLoggedInFindsTheBoardInTheNavBarACountyDoesNot() async throws {
        let office = try Office()
        func login(_ secret: String) async throws -> [String] {
            let answer = try await Self.send(office, "/login", method: .post, secret: nil, headers: [.contentType: "application/x-www-form-urlencoded"],
                                             body: ByteBuffer(string: "token=\(secret)&next=%2Fboard"))
            #expect(answer.status == .seeOther)
            return answer.headers[values: .setCookie].map { String($0.prefix { $0 != ";" }) }
        }
        let clerk = try await login(office.clerk)
        #expect(clerk.allSatisfy { !$0.hasPrefix("media_archive_role") }, "the token alone says who this is: \(clerk)")
        let board = try await Self.send(office, "/board?lang=en", secret: nil, headers: [.cookie: clerk.joined(separator: "; ")])
        #expect(board.text.contains("<a href=\"/board\" aria-current=\"page\">Board</a>"), "\(board.text.prefix(1500))")
        let county = try await login(office.county)
        let portal = try await Self.send(office, "/portal?lang=en", secret: nil, headers: [.cookie: county.joined(separator: "; ")])
        #expect(portal.status == .ok)
        #expect(!portal.text.contains("href=\"/board\""))
    }

    /// The nav bar asks the token, not a cookie: a county that writes itself a clerk's role
    /// cookie (as an older version set one) sees no board link, and the board still refuses it.
    @Test func aForgedRoleCookieShowsNoClerkLinks() async throws {
        let office = try Office()
        let forged = "media_archive_token=\(office.county); media_archive_role=clerk"
        let portal = try await Self.send(office, "/portal?lang=en", secret: nil, headers: [.cookie: forged])
        #expect(portal.status == .ok)
        #expect(!portal.text.contains("href=\"/board\""), "\(portal.text.prefix(1500))")
        let board = try await Self.send(office, "/board?lang=en", secret: nil, headers: [.cookie: forged])
        #expect(board.status == .forbidden)
        #expect(!board.text.contains("href=\"/board\""))
        // An archivist's login without any role cookie does get the link.
        let archivist = try await Self.send(office, "/?lang=en", secret: nil, headers: [.cookie: "media_archive_token=\(office.archivist)"])
        #expect(archivist.text.contains("<a href=\"/board\">Board</a>"), "\(archivist.text.prefix(1500))")
    }
}
