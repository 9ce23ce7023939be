import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Message {
    /// The sentence in `language`. English is the wording the tool has always printed (tests
    /// and scripts match it); Chinese is written for county staff and clerks.
    public func text(in language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .cannotRead(let problem):
            return problem.text(in: language)
        case .notCheckedSafely:
            return zh ? "无法安全地检查这个文件；请索取原始文件" : "the file could not be checked safely; ask for the original"
        case .photoUnreadable(let problem):
            return zh ? "\(problem.text(in: language))；请索取原始照片" : "\(problem.text(in: language)); ask for the original photo"

        case .audioOnly:
            return zh ? "没有视频：这个文件只有声音；请发送视频本身" : "no video: this file has only sound; send the video itself"
        case .nothingToSeeOrHear:
            return zh ? "文件里既没有画面也没有声音；请索取真正的视频"
                : "nothing to see or hear in this file (it holds no picture or sound); ask for the real video"
        case .cutOff(let present, let stated):
            let presentText = DurationText.clock(present)
            if zh {
                let whole = stated.map { "应有 \(DurationText.clock($0))，" } ?? ""
                return "文件不完整：\(whole)只有 \(presentText)；请索取原始文件"
            }
            let of = stated.map { " of \(DurationText.clock($0))" } ?? ""
            return "the file is cut off: only \(presentText)\(of) is there; ask for the original file"
        case .damaged(let after, let detail):
            if zh {
                let at = after.map { "在 \(DurationText.clock($0)) 之后" } ?? ""
                return "文件\(at)已损坏（\(detail)）；请索取原始文件"
            }
            let at = after.map { " after \(DurationText.clock($0))" } ?? ""
            return "the file is damaged\(at) (\(detail)); ask for the original file"
        case .lengthUnmeasurable:
            return zh ? "无法测出这个视频的时长，因此不能接收；请索取重新保存为 MP4 的副本"
                : "the length of this video could not be measured, so it cannot be accepted; ask for a copy saved again as MP4"
        case .videoOverLimit(let duration, let limit):
            return Self.overLimit(duration, limit, in: language, then: zh ? "重新检查" : "check again")
        case .videoOverLimitToUpload(let duration, let limit):
            return Self.overLimit(duration, limit, in: language, then: zh ? "重新上传" : "upload again")
        case .fileTooLarge(let bytes, let limit):
            return zh ? "文件大小为 \(ByteText.describe(bytes, in: language))，超过 \(ByteText.describe(limit, in: language)) 的上限；请发送较小的副本"
                : "the file is \(ByteText.describe(bytes)), over the \(ByteText.describe(limit)) limit; send a smaller copy"
        case .uploadTooLarge(let limit):
            return zh ? "文件超过 \(ByteText.describe(limit, in: language)) 的上限；请发送较小的副本"
                : "the file is larger than the \(ByteText.describe(limit)) limit; send a smaller copy"
        case .kindNotAccepted(let kind, let accepted):
            return zh ? "不接收\(kind.name(in: language))文件（可接收：\(accepted.map { $0.name(in: language) }.joined(separator: "、"))）"
                : "\(kind.rawValue) files are not accepted (accepted: \(accepted.map(\.rawValue).joined(separator: ", ")))"

        case .photoSizeUnknown:
            return zh ? "无法读取图片尺寸；照片可能已损坏" : "the picture's size could not be read; the photo may be damaged"
        case .headerDisagrees(let stated, let measured):
            return zh ? "文件头标注的时长是 \(DurationText.clock(stated))，实际播放 \(DurationText.clock(measured))；时长按视频数据测得"
                : "the file's header says \(DurationText.clock(stated)) but it plays \(DurationText.clock(measured)); the length was measured from the video data"
        case .capturedOutsideWindow(let day, let start, let end):
            return zh ? "拍摄于 \(day)，不在活动期间 \(start) 至 \(end) 之内"
                : "captured on \(day), outside the event window \(start) – \(end)"
        case .photoMetadataUnreadable(let detail):
            return zh ? "无法读取照片的元数据（\(detail)）；拍摄日期和相机未知"
                : "the photo's metadata could not be read (\(detail)); date and camera are unknown"
        case .heifNotDecodable(let detail):
            return zh ? "这张 HEIF 照片的画面无法解码（\(detail)），因此没有缩略图；日期、相机和位置仍已读出"
                : "the HEIF photo's picture cannot be decoded (\(detail)), so it has no thumbnail; its date, camera and place were still read"
        case .exifDamaged:
            return zh ? "照片的 EXIF 信息已损坏；可能缺少拍摄日期和相机" : "the photo's EXIF block is damaged; date and camera may be missing"
        case .jpegDamagedBeforeExif:
            return zh ? "照片的 JPEG 结构在 EXIF 信息之前就已损坏；无法读取元数据"
                : "the photo's JPEG structure is damaged before any EXIF block; its metadata cannot be read"
        case .exifOutOfMemory:
            return zh ? "无法读取照片的 EXIF 信息（内存不足）" : "the photo's EXIF block could not be read (out of memory)"
        case .handedInLate(let day, let deadline):
            return zh ? "于 \(day) 提交，已过截止日期 \(deadline)" : "handed in on \(day), after the deadline \(deadline)"
        case .duplicateOf(let name):
            return zh ? "档案中已有相同的文件（“\(name)”）；已记下这个文件名，没有再复制"
                : "the same file is already in the archive as \"\(name)\"; its name was added, nothing was copied"
        case .adoptedWithoutName:
            return zh ? "入库中断后由 verify --repair 收录；原始文件名已丢失"
                : "adopted by verify --repair after an interrupted ingest; the original file name was lost"

        case .exportTargetIsFile:
            return zh ? "这是一个文件，不是文件夹；请指定一个新的或空的文件夹" : "it is a file, not a folder; give a new or empty folder"
        case .exportTargetUnreadable(let problem):
            return zh ? "无法读取（\(problem.text(in: language))）" : "it cannot be read (\(problem.text(in: language)))"
        case .exportTargetNotEmpty(let count, let examples):
            let quoted = examples.map { "\"\($0)\"" }.joined(separator: ", ")
            return zh ? "文件夹不是空的（有 \(count) 项，例如 \(quoted)）；没有写入任何内容——请指定一个新的或空的文件夹"
                : "the folder is not empty (it holds \(count) item(s), e.g. \(quoted)); nothing was written — give a new or empty folder"
        case .exportNeedsSpace(let needed, let free):
            return zh ? "导出需要 \(Self.size(needed))，但磁盘只剩 \(Self.size(free))；没有写入任何内容"
                : "the export needs \(Self.size(needed)) but the drive has only \(Self.size(free)) free; nothing was written"
        case .folderCannotBeCreated(let problem):
            return zh ? "无法创建文件夹（\(problem.text(in: language))）" : "the folder cannot be created (\(problem.text(in: language)))"
        case .exportIncomplete(let problem):
            return zh ? "\(problem.text(in: language))；那里的导出不完整——请腾出空间或换一个文件夹，删除这个文件夹后重新导出"
                : "\(problem.text(in: language)); the export there is incomplete — free some space or choose another folder, delete this one and export again"
        case .manifestNotWritten(let problem):
            return zh ? "无法写入清单（\(problem.text(in: language))）；那里的导出不完整"
                : "the manifest cannot be written (\(problem.text(in: language))); the export there is incomplete"

        case .notStored(let problem):
            return zh ? "无法存入档案（\(problem.text(in: language))）；档案没有任何改动"
                : "could not be stored (\(problem.text(in: language))); nothing was changed in the archive"
        case .archiveProblem(let error):
            return error.text(in: language)
        case .systemError(let code, let detail):
            return zh ? Self.chineseSystemText(code) ?? detail : detail

        case .tokenMissing:
            return zh ? "需要访问令牌：请发送 Authorization: Bearer <令牌>，或在 /login 登录"
                : "this needs an access token: send Authorization: Bearer <token>, or log in at /login"
        case .tokenInvalid:
            return zh ? "访问令牌无效（已被撤销或输错）；请向档案管理员申请新令牌"
                : "the access token is not valid (revoked, or mistyped); ask the archive's keeper for a new one"
        case .bearerExpected:
            return zh ? "请以 Authorization: Bearer <令牌> 的形式发送令牌" : "send the token as Authorization: Bearer <token>"
        case .roleRequired(let role, let name, let held):
            return zh ? "需要\(role.name(in: language))令牌；令牌“\(name)”是\(held.name(in: language))令牌"
                : "this needs a \(role.rawValue) token; the token \"\(name)\" is a \(held.rawValue) token"
        case .otherCounty(let own, let asked):
            return zh ? "此区县令牌只能用于“\(own)”，不能查看或提交“\(asked)”的材料"
                : "this county token acts for \(own) only; it cannot see or hand in for \(asked)"
        case .crossSiteRefused:
            return zh ? "拒绝了来自其他网站的修改请求；请在本站页面上操作，或用 Authorization: Bearer 调用接口"
                : "a change sent from another site's page was refused; use this site's own pages, or call the API with Authorization: Bearer"
        case .loginSlowedDown(let seconds):
            return zh ? "此地址输错令牌次数过多；请 \(seconds) 秒后再试" : "too many wrong tokens from this address; try again in \(seconds) s"
        case .formsLocked(let deadline):
            return zh ? "备案表已于 \(deadline) 截止，区县不能再修改；如需更正，请联系市科技局登记员重新开放"
                : "the registration forms closed on \(deadline); ask the city bureau's clerk to reopen your county's forms"
        case .withdrawClosed(let deadline):
            return zh ? "截止日期 \(deadline) 已过，不能再撤回材料；如需更正，请联系登记员"
                : "the deadline \(deadline) has passed, so items can no longer be withdrawn; ask the clerk to return it for correction"
        case .uploadMalformed:
            return zh ? "上传的表单（multipart）格式不正确" : "the multipart upload is malformed"
        case .uploadHasNoBoundary:
            return zh ? "上传的表单（multipart）缺少分隔符（boundary）；请以 multipart/form-data 格式发送表单"
                : "the multipart upload has no boundary; send the form as multipart/form-data"
        case .uploadHasNoFile(let field):
            return zh ? "上传内容的表单字段“\(field)”中没有完整的文件" : "the upload has no complete file in the form field \"\(field)\""
        case .uploadNeedsFileName:
            return zh ? "直接上传文件时，需要在 X-File-Name 请求头中给出文件名" : "a raw upload needs the file's name in the X-File-Name header"
        case .uploadNotAForm(let field):
            return zh ? "请以 multipart/form-data 格式在字段“\(field)”中发送文件（或以 application/octet-stream 格式发送，并附 X-File-Name 请求头）"
                : "send the file as multipart/form-data with the field \"\(field)\" (or as application/octet-stream with an X-File-Name header)"
        case .uploadCutShort:
            return zh ? "文件还没有传完，上传就中断了；请重新发送" : "the upload stopped before the whole file arrived; send it again"

        case .handIn(let message):
            return message.text(in: language)
        case .untranslated(let text):
            return text
        case .worded(let english, let chinese):
            return zh ? chinese : english
        }
    }

    /// The failures a clerk meets (full disk, no permission …) in Chinese words; the rest keep
    /// the system's own text, which names the problem better than a vague translation would.
    private static func chineseSystemText(_ code: Int32) -> String? {
        switch code {
        case ENOSPC: "磁盘已满，请腾出空间"
        case EDQUOT: "超出磁盘配额"
        case EACCES, EPERM: "没有权限，请找这台电脑的管理员"
        case EROFS: "磁盘是只读的"
        case ENOENT: "文件或文件夹不存在"
        case ENOTDIR: "路径中的某一项不是文件夹"
        case EEXIST: "已有同名的文件或文件夹"
        case EIO: "读写出错，磁盘可能有故障"
        default: nil
        }
    }

    /// "3:01.00 — 1 s over the 3:00 limit; trim it and <then>": what to do next differs by
    /// where the clip was refused (the self-check, or a hand-in's upload).
    private static func overLimit(_ duration: Double, _ limit: Double, in language: Language, then: String) -> String {
        let over = duration - limit
        return language == .zh
            ? "\(DurationText.clock(duration)) — 超出 \(DurationText.limit(limit, in: language))上限 \(DurationText.amount(over, in: language))；请剪辑后\(then)"
            : "\(DurationText.clock(duration)) — \(DurationText.amount(over, in: language)) over the \(DurationText.limit(limit, in: language)) limit; trim it and \(then)"
    }

    static func size(_ bytes: Int64) -> String {
        ByteCountFormatter.string(fromByteCount: bytes, countStyle: .file)
    }
}
