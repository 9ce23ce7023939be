import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import MediaArchive
import NIOCore
import Testing
import TestSupport

/// The county portal's pages (issue 12): the upload areas and their plain form post, the
/// withdraw button, the registration forms as web forms and the printable receipt — as a county
/// without JavaScript meets them (the browser test drives the scripted upload).
struct PortalPagesTests {
    typealias Office = HandInRouteTests.Office

    static func send(_ office: Office, _ method: HTTPRequest.Method, _ uri: String, as caller: HandInRouteTests.Caller = .countyA,
                     type: String? = nil, body: ByteBuffer? = nil) async throws -> HandInRouteTests.Answer {
        var headers = office.headers(caller)
        if let type { headers[.contentType] = type }
        return try await HandInRouteTests.send(office, method, uri, headers: headers, body: body)
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics
        return ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&"))
    }

    static let urlencoded = "application/x-www-form-urlencoded"

    @Test func everyPartHasAnUploadFormThatWorksWithoutJavaScript() async throws {
        let office = try Office()
        let page = try await Self.send(office, .get, "/portal?lang=en")
        for part in ["key-projects", "open-institutions", "summary", "photo", "video"] {
            #expect(page.text.contains(#"<form class="upload" method="post" action="/portal/handin?round=2027&amp;part=\#(part)" enctype="multipart/form-data""#),
                    "\(part)")
        }
        #expect(page.text.contains(#"<input id="files-video" name="file" type="file" multiple>"#))
        #expect(page.text.contains(#"<form class="link" method="post" action="/portal/handin?round=2027&amp;part=media-report">"#))
        #expect(page.text.contains("/assets/portal.js?v="))
        // Days left to each part's due day, counted from the archive's today.
        let today = office.settings.day()
        let left = PortalPageDays.between(today, CalendarDay(2027, 6, 30))
        #expect(page.text.contains(#"<td>2027-06-30</td><td>0</td><td class="days-left">\#(left) days left</td>"#), "\(left)")

        // The plain post: both clips' verdicts on the page that comes back, the checklist counting the one taken.
        let upload = try MultipartUpload(fixtures: [("clip-181s.mp4", "开幕式.mp4"), ("clip-179.9s.mp4", "闭幕式.mp4")])
        let answer = try await HandInRouteTests.send(office, .post, "/portal/handin?round=2027&part=video&lang=en",
                                                     headers: office.headers(.countyA) + upload.headers, body: upload.body)
        #expect(answer.status == .ok, "\(answer.text.prefix(400))")
        #expect(answer.text.contains("<h2>Just handed in</h2>"))
        #expect(answer.text.contains(#"<li class="rejected"><div class="name">开幕式.mp4</div><div class="status">Not taken: 3:01.00 — 1 s over the 3:00 limit; trim it and upload again</div>"#),
                "\(answer.text)")
        #expect(answer.text.contains(#"<li class="stored"><div class="name">闭幕式.mp4</div><div class="status">Handed in</div>"#))
        #expect(answer.text.contains(#"<th scope="row">video</th><td>1</td>"#), "the checklist counts the stored clip")
        let zh = try await Self.send(office, .get, "/portal")
        #expect(zh.text.contains("闭幕式.mp4") && !zh.text.contains("开幕式.mp4"), "only the stored clip is listed")
    }

    @Test func aMediaReportsLinkIsHandedInFromThePlainForm() async throws {
        let office = try Office()
        let body = Self.form([("url", "https://www.pyxww.com/2027/0525/kjz.html"), ("title", "清丰县科技活动周开幕"),
                              ("outlet", "濮阳新闻网"), ("published", "2027-05-25")])
        let answer = try await Self.send(office, .post, "/portal/handin?round=2027&part=media-report", type: Self.urlencoded, body: body)
        #expect(answer.status == .ok)
        #expect(answer.text.contains(#"<li class="stored"><div class="name">https://www.pyxww.com/2027/0525/kjz.html</div><div class="status">已提交</div>"#),
                "\(answer.text)")
        #expect(answer.text.contains("清丰县科技活动周开幕"), "the item list names the report by its title")
        let bad = try await Self.send(office, .post, "/portal/handin?round=2027&part=media-report", type: Self.urlencoded,
                                      body: Self.form([("url", "not an address"), ("title", "x")]))
        #expect(bad.status == .badRequest && bad.text.contains("is not a web address"), "\(bad.text.prefix(300))")
    }

    @Test func theWithdrawButtonTakesTheItemBackAndTheMarkShows() async throws {
        let office = try Office()
        let action = "/api/items/\(office.photo)/withdraw?round=2027&amp;part=photo"
        let before = try await Self.send(office, .get, "/portal")
        #expect(before.text.contains(#"<form class="withdraw" method="post" action="\#(action)"><button type="submit">撤回</button>"#))
        let withdrawn = try await Self.send(office, .post, "/api/items/\(office.photo)/withdraw?round=2027&part=photo",
                                            type: Self.urlencoded, body: ByteBuffer())
        #expect(withdrawn.status == .seeOther)
        #expect(withdrawn.headers[.location] == "/portal?round=2027#item-\(office.photo)")
        let after = try await Self.send(office, .get, "/portal")
        #expect(after.text.contains(#"<strong class="mark">已撤回</strong>"#))
        #expect(!after.text.contains(#"class="withdraw""#), "a withdrawn item has no button")
    }

    @Test func afterThePartsDueDayThereIsNoWithdrawButton() async throws {
        let office = try Office(openRound: false)
        let page = try await Self.send(office, .get, "/portal")
        #expect(page.status == .ok)
        #expect(page.text.contains(#"<td class="days-left">已截止</td>"#))
        #expect(page.text.contains(office.photo) && !page.text.contains(#"class="withdraw""#))
    }

    @Test func aKeyProjectIsAddedChangedAndDeletedInTheWebForm() async throws {
        let office = try Office()
        let page = try await Self.send(office, .get, "/portal/forms")
        #expect(page.status == .ok)
        // The fields in the notice's order under their Chinese labels, the record's values in them.
        let labels = ["项目名称", "主办单位", "主管部门", "举办地点", "举办时间", "项目负责人", "联系人", "地址", "邮政编码",
                      "联系电话", "传真", "电子邮箱", "活动经费", "拟参加人数", "项目简介"]
        let positions = labels.compactMap { page.text.range(of: "\">\($0)</label>")?.lowerBound }
        #expect(positions.count == labels.count && positions == positions.sorted(), "labels in the form's order")
        #expect(page.text.contains(#"<input id="\#(office.record)-projectName" name="projectName" value="科普大篷车">"#))
        #expect(page.text.contains(#"<form class="record" id="add-key-project" method="post" action="/portal/forms?round=2027&amp;form=key-project">"#))

        let added = try await Self.send(office, .post, "/portal/forms?round=2027&form=key-project", type: Self.urlencoded,
                                        body: Self.form([("projectName", "青少年 科技节"), ("organizer", "清丰县科技局"), ("unknown", "x")]))
        #expect(added.status == .seeOther, "\(added.text.prefix(300))")
        func records() async throws -> [[String: Any]] {
            (try await Self.send(office, .get, "/api/forms").json as? [[String: Any]]) ?? []
        }
        let new = try #require(try await records().first { ($0["fields"] as? [String: String])?["projectName"] == "青少年 科技节" })
        #expect(new["fields"] as? [String: String] == ["projectName": "青少年 科技节", "organizer": "清丰县科技局"])
        let id = try #require(new["id"] as? String)
        #expect(added.headers[.location] == "/portal/forms?round=2027#record-\(id)")

        let saved = try await Self.send(office, .post, "/portal/forms/\(id)?round=2027&form=key-project", type: Self.urlencoded,
                                        body: Self.form([("projectName", "青少年科技节"), ("venue", "县文化广场")]))
        #expect(saved.status == .seeOther)
        #expect(try await records().first { $0["id"] as? String == id }?["fields"] as? [String: String]
                == ["projectName": "青少年科技节", "venue": "县文化广场"])

        // County B cannot touch A's record.
        let other = try await Self.send(office, .post, "/portal/forms/\(id)/delete?round=2027", as: .countyB, type: Self.urlencoded, body: ByteBuffer())
        #expect(other.status == .notFound)
        let deleted = try await Self.send(office, .post, "/portal/forms/\(id)/delete?round=2027", type: Self.urlencoded, body: ByteBuffer())
        #expect(deleted.status == .seeOther)
        #expect(try await records().map { $0["id"] as? String } == [office.record])
    }

    @Test func afterTheRegistrationDeadlineTheFormsAreReadOnlyUntilReopened() async throws {
        let office = try Office(openRound: false)
        let page = try await Self.send(office, .get, "/portal/forms?lang=en")
        #expect(page.text.contains(#"id="forms-locked" role="alert">the registration forms closed on"#), "\(page.text.prefix(2000))")
        #expect(page.text.contains(#"value="科普大篷车" readonly>"#))
        #expect(!page.text.contains("<button"), "no save, delete or add")
        let refused = try await Self.send(office, .post, "/portal/forms?form=key-project&lang=en", type: Self.urlencoded,
                                          body: Self.form([("projectName", "迟到的项目")]))
        #expect(refused.status == .conflict && refused.text.contains("ask the city bureau"))
        // A clerk reopens them: the fields are open again.
        _ = try await Self.send(office, .post, "/api/forms/reopen?county=qingfeng", as: .clerk)
        let reopened = try await Self.send(office, .get, "/portal/forms")
        #expect(!reopened.text.contains("forms-locked") && reopened.text.contains("<button"))
    }

    @Test func theReceiptListsEveryItemWithItsHashTimeAndMarks() async throws {
        let office = try Office(openRound: false)
        let (json, note) = try HandInRouteTests.json(["note": "照片太暗，请换一张"])
        _ = try await HandInRouteTests.send(office, .post, "/api/items/\(office.photo)/return?county=qingfeng",
                                            headers: office.headers(.clerk) + json, body: note)
        let receipt = try await Self.send(office, .get, "/portal/receipt")
        #expect(receipt.status == .ok)
        let entry = try #require(try Catalog(settings: office.settings).handInItems(county: try office.settings.counties.resolve("qingfeng"),
                                                                                    round: office.settings.rounds.current(today: office.settings.day()).id).first)
        #expect(receipt.text.contains("<td>photo.jpg</td><td>照片</td><td class=\"sha256\">\(office.photo)</td><td>\(entry.entry.ingestedAt)</td><td>逾期、退回修改<div class=\"note\">照片太暗，请换一张</div></td>"),
                "\(receipt.text)")
        #expect(receipt.text.contains("<dt>报送单位</dt><dd>清丰县</dd>") && receipt.text.contains("<dt>打印时间</dt>"))
        #expect(receipt.text.contains("/assets/receipt.css?v="))
        let css = try await Self.send(office, .get, "/assets/receipt.css")
        #expect(css.text.contains("@media print") && css.text.contains("nav.site"))
    }
}

/// Days between two calendar days, counted independently of the page's code.
enum PortalPageDays {
    static func between(_ a: CalendarDay, _ b: CalendarDay) -> Int {
        func julian(_ d: CalendarDay) -> Int {
            let y = d.month <= 2 ? d.year - 1 : d.year, m = d.month <= 2 ? d.month + 12 : d.month
            return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d.day
        }
        return julian(b) - julian(a)
    }
}

private func + (lhs: HTTPFields, rhs: HTTPFields) -> HTTPFields {
    var fields = lhs
    fields.append(contentsOf: rhs)
    return fields
}
