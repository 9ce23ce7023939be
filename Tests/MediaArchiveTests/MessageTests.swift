import Foundation
import Testing
@testable import MediaArchive
import MediaFacts

/// The message catalogue: every sentence exists in both languages, and results show them in
/// the language the reader asked for without changing the JSON's keys or shape.
struct MessageTests {
    /// One representative value of every case. `caseName` below is an exhaustive switch, so a new
    /// case does not compile until it is named there — and then this list must show it too.
    static let samples: [Message] = [
        .cannotRead(.fileMissing), .cannotRead(.isFolder), .cannotRead(.permissionDenied), .cannotRead(.emptyFile),
        .cannotRead(.readTimedOut), .cannotRead(.cutOffNoIndex),
        .cannotRead(.notReadableMedia(detail: "Invalid data found when processing input")), .cannotRead(.outOfMemory),
        .cannotRead(.unreadable(detail: "Input/output error")), .cannotRead(.textFile), .cannotRead(.zipArchive),
        .notCheckedSafely,
        .photoUnreadable(problem: .untranslated("heif: invalid input")),
        .cannotRead(.photoRefused(.damagedContainer, english: "the HEIF container is damaged or unsupported")),
        .heifNotDecodable(detail: "Metadata not correctly assigned to image"),
        .cannotRead(.documentHasNoPicture), .cannotRead(.pictureTooLarge(width: 20000, height: 15000, megapixels: 200)),
        .cannotRead(.noPicture),
        .audioOnly, .nothingToSeeOrHear,
        .cutOff(presentSeconds: 8.22, statedSeconds: 20), .damaged(afterSeconds: 3.5, detail: "Invalid data"),
        .lengthUnmeasurable, .videoOverLimit(durationSeconds: 192, limitSeconds: 180),
        .videoOverLimitToUpload(durationSeconds: 192, limitSeconds: 180),
        .fileTooLarge(bytes: 5 << 30, limitBytes: 4 << 30), .uploadTooLarge(limitBytes: 4 << 30), .kindNotAccepted(.audio, accepted: [.video, .photo]),
        .photoSizeUnknown, .headerDisagrees(statedSeconds: 140_000, measuredSeconds: 1),
        .capturedOutsideWindow(day: CalendarDay(parsing: "2021-05-01")!, start: CalendarDay(parsing: "2021-05-22")!,
                               end: CalendarDay(parsing: "2021-05-28")!),
        .photoMetadataUnreadable(detail: "bad tag"), .exifDamaged, .jpegDamagedBeforeExif, .exifOutOfMemory,
        .handedInLate(day: CalendarDay(parsing: "2021-06-14")!, deadline: CalendarDay(parsing: "2021-06-04")!),
        .duplicateOf(originalName: "开幕式.mp4"), .adoptedWithoutName,
        .exportTargetIsFile, .exportTargetUnreadable(problem: .systemError(errno: EACCES, detail: "Permission denied")),
        .exportTargetNotEmpty(itemCount: 2, examples: ["a.mp4", "b.jpg"]),
        .exportNeedsSpace(neededBytes: 5_000_000_000, freeBytes: 1_000_000),
        .folderCannotBeCreated(problem: .systemError(errno: EROFS, detail: "Read-only file system")),
        .exportIncomplete(problem: .untranslated("cannot write x: No space left on device")),
        .manifestNotWritten(problem: .systemError(errno: ENOSPC, detail: "No space left on device")),
        .notStored(problem: .systemError(errno: ENOSPC, detail: "No space left on device")),
        .systemError(errno: ENOSPC, detail: "No space left on device"),
        .archiveProblem(.unsafeName("../etc")),
        .tokenMissing, .tokenInvalid, .bearerExpected, .roleRequired(.clerk, tokenName: "阅览室", tokenRole: .archivist),
        .otherCounty(tokenCounty: "qingfeng", asked: "nanle"), .crossSiteRefused, .loginSlowedDown(seconds: 30),
        .formsLocked(deadline: CalendarDay(2021, 6, 4)), .withdrawClosed(deadline: CalendarDay(2021, 6, 4)),
        .uploadMalformed, .uploadHasNoBoundary, .uploadHasNoFile(field: "file"), .uploadNeedsFileName,
        .uploadNotAForm(field: "file"), .uploadCutShort,
        .handIn(.partNotTold(name: "材料.docx")), .handIn(.formNotRead(reason: "a scan")), .handIn(.formRead(records: 2)),
        .untranslated("libexif: corrupt maker note"), .worded(english: "a stored sentence", chinese: "存储的句子"),
    ]

    /// The stored codes of the reasons a file cannot be read: each keeps the code it had when
    /// it was a Message case of its own (archives written before still read).
    static func problemName(_ problem: ReadProblem) -> String {
        switch problem {
        case .fileMissing: "fileMissing"
        case .isFolder: "isFolder"
        case .permissionDenied: "permissionDenied"
        case .emptyFile: "emptyFile"
        case .readTimedOut: "readTimedOut"
        case .cutOffNoIndex: "cutOffNoIndex"
        case .notReadableMedia: "notReadableMedia"
        case .outOfMemory: "outOfMemory"
        case .unreadable: "unreadable"
        case .textFile: "textFile"
        case .zipArchive: "zipArchive"
        case .photoRefused: "photoRefused"
        case .documentHasNoPicture: "documentHasNoPicture"
        case .pictureTooLarge: "pictureTooLarge"
        case .noPicture: "noPicture"
        case .other: "untranslated"
        }
    }

    static func caseName(_ message: Message) -> String {
        switch message {
        case .cannotRead(let problem): problemName(problem)
        case .notCheckedSafely: "notCheckedSafely"
        case .photoUnreadable: "photoUnreadable"
        case .heifNotDecodable: "heifNotDecodable"
        case .audioOnly: "audioOnly"
        case .nothingToSeeOrHear: "nothingToSeeOrHear"
        case .cutOff: "cutOff"
        case .damaged: "damaged"
        case .lengthUnmeasurable: "lengthUnmeasurable"
        case .videoOverLimit: "videoOverLimit"
        case .videoOverLimitToUpload: "videoOverLimitToUpload"
        case .fileTooLarge: "fileTooLarge"
        case .uploadTooLarge: "uploadTooLarge"
        case .kindNotAccepted: "kindNotAccepted"
        case .photoSizeUnknown: "photoSizeUnknown"
        case .headerDisagrees: "headerDisagrees"
        case .capturedOutsideWindow: "capturedOutsideWindow"
        case .photoMetadataUnreadable: "photoMetadataUnreadable"
        case .exifDamaged: "exifDamaged"
        case .jpegDamagedBeforeExif: "jpegDamagedBeforeExif"
        case .exifOutOfMemory: "exifOutOfMemory"
        case .handedInLate: "handedInLate"
        case .duplicateOf: "duplicateOf"
        case .adoptedWithoutName: "adoptedWithoutName"
        case .exportTargetIsFile: "exportTargetIsFile"
        case .exportTargetUnreadable: "exportTargetUnreadable"
        case .exportTargetNotEmpty: "exportTargetNotEmpty"
        case .exportNeedsSpace: "exportNeedsSpace"
        case .folderCannotBeCreated: "folderCannotBeCreated"
        case .exportIncomplete: "exportIncomplete"
        case .manifestNotWritten: "manifestNotWritten"
        case .notStored: "notStored"
        case .systemError: "systemError"
        case .archiveProblem: "archiveProblem"
        case .tokenMissing: "tokenMissing"
        case .tokenInvalid: "tokenInvalid"
        case .bearerExpected: "bearerExpected"
        case .roleRequired: "roleRequired"
        case .otherCounty: "otherCounty"
        case .crossSiteRefused: "crossSiteRefused"
        case .loginSlowedDown: "loginSlowedDown"
        case .formsLocked: "formsLocked"
        case .withdrawClosed: "withdrawClosed"
        case .uploadMalformed: "uploadMalformed"
        case .uploadHasNoBoundary: "uploadHasNoBoundary"
        case .uploadHasNoFile: "uploadHasNoFile"
        case .uploadNeedsFileName: "uploadNeedsFileName"
        case .uploadNotAForm: "uploadNotAForm"
        case .uploadCutShort: "uploadCutShort"
        case .handIn(let message):
            switch message {
            case .partNotTold: "partNotTold"
            case .formNotRead: "formNotRead"
            case .formRead: "formRead"
            }
        case .untranslated: "untranslated"
        case .worded: "worded"
        }
    }

    @Test func theSamplesCoverEveryCase() {
        // 68 cases: update with `caseName` when adding one.
        #expect(Set(Self.samples.map(Self.caseName)).count == 68)
    }

    @Test func aServerPathIsReplacedInsideNestedMessagesWhichStayTranslatable() {
        let upload = "/archive/nanle/staging/media-archive-upload-1.part/upload.mp4"
        let message = Message.notStored(problem: .systemError(errno: ENOSPC, detail: "cannot write \(upload)"))
            .replacing(upload, with: "开幕式.mp4")
        for language in [Language.en, .zh] {
            #expect(!message.text(in: language).contains("/archive/"), "\(message.text(in: language))")
            #expect(message.text(in: language).contains("开幕式.mp4") || language == .zh)
        }
        #expect(message.text(in: .zh) != message.text(in: .en), "still a message, not frozen English text")
    }

    @Test(arguments: Language.allCases)
    func everyMessageHasItsOwnNonEmptySentence(in language: Language) {
        let texts = Self.samples.map { $0.text(in: language) }
        for (message, text) in zip(Self.samples, texts) {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(Self.caseName(message)) is empty")
        }
        #expect(Set(texts).count == texts.count, "two messages read the same in \(language)")
    }

    @Test func chineseIsWrittenInChineseAndDiffersFromEnglish() {
        for message in Self.samples {
            if case .untranslated = message { continue }  // outside text is shown as it came
            let chinese = message.text(in: .zh)
            #expect(chinese != message.text(in: .en), "\(Self.caseName(message)) is not translated")
            #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                    "\(Self.caseName(message)) has no Chinese: \(chinese)")
        }
    }

    @Test func theOverLimitReasonSaysHowFarOverInChineseUnits() {
        let message = Message.videoOverLimit(durationSeconds: 192, limitSeconds: 180)
        #expect(message.text(in: .zh) == "3:12.00 — 超出 3 分钟上限 12 秒；请剪辑后重新检查")
        #expect(Message.videoOverLimit(durationSeconds: 252.5, limitSeconds: 180).text(in: .zh).contains("1 分 12.5 秒"))
        #expect(message.text(in: .en) == "3:12.00 — 12 s over the 3:00 limit; trim it and check again")
        // Where a hand-in's upload refused it, the advice is to upload it again.
        #expect(message.asUploadRefusal.text(in: .en) == "3:12.00 — 12 s over the 3:00 limit; trim it and upload again")
        #expect(message.asUploadRefusal.text(in: .zh) == "3:12.00 — 超出 3 分钟上限 12 秒；请剪辑后重新上传")
    }

    @Test func aFullDiskIsNamedInChineseAndKeepsTheSystemsWordsInEnglish() {
        let message = Message.notStored(problem: .systemError(errno: ENOSPC, detail: "No space left on device"))
        #expect(message.text(in: .zh).contains("磁盘已满"))
        #expect(message.text(in: .en) == "could not be stored (No space left on device); nothing was changed in the archive")
    }

    @Test func anUnknownCountyListsTheCountiesByTheirChineseNames() {
        let error = ArchiveError.unknownCounty("北京", known: CountyRegistry.puyang.counties)
        let chinese = error.text(in: .zh)
        for county in CountyRegistry.puyang.counties { #expect(chinese.contains(county.name)) }
        #expect(chinese.contains("华龙区（hualong，410902）"))
        #expect(error.text(in: .en).hasPrefix("unknown county \"北京\"; use a slug, Chinese name or code from: hualong (华龙区), "))
    }

    func encoded(_ result: CheckResult, in language: Language?) throws -> [String: Any] {
        let encoder = JSONEncoder()
        if let language { encoder.userInfo[.messageLanguage] = language }
        return try #require(JSONSerialization.jsonObject(with: try encoder.encode(result)) as? [String: Any])
    }

    var unreadable: CheckResult {
        var result = CheckResult(path: "x.mp4", kind: .unknown, verdict: .error)
        result.reasonMessages = [.cannotRead(.textFile)]
        result.warningMessages = [.exifDamaged]
        result.errorMessage = .cannotRead(.textFile)
        return result
    }

    @Test func jsonKeepsItsKeysAndShapeAndSpeaksTheEncodersLanguage() throws {
        let english = try encoded(unreadable, in: nil)
        let chinese = try encoded(unreadable, in: .zh)
        #expect(Set(english.keys) == Set(chinese.keys))
        #expect(english["reasons"] as? [String] == [Message.cannotRead(.textFile).text(in: .en)])
        #expect(chinese["reasons"] as? [String] == [Message.cannotRead(.textFile).text(in: .zh)])
        #expect(chinese["warnings"] as? [String] == [Message.exifDamaged.text(in: .zh)])
        #expect(chinese["error"] as? String == Message.cannotRead(.textFile).text(in: .zh))
    }

    @Test func aRenderedResultCanBeEditedAsTextAndStaysInItsLanguage() throws {
        // What the web app does: render in the page's language, then put the sender's name in
        // place of the server's temporary path, then encode.
        var rendered = unreadable.rendered(in: .zh)
        rendered.reasons = rendered.reasons.map { $0 + "（x.mp4）" }
        let json = try encoded(rendered, in: nil)
        #expect(json["reasons"] as? [String] == [Message.cannotRead(.textFile).text(in: .zh) + "（x.mp4）"])
        #expect(json["error"] as? String == Message.cannotRead(.textFile).text(in: .zh))
    }
}
