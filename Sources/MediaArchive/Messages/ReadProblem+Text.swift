import MediaFacts

extension ReadProblem {
    /// The catalogue's words for why a file, or a picture from it, could not be read.
    /// English is the wording the tool has always printed; the C libraries' own words (`detail`)
    /// are shown as they are.
    func text(in language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .fileMissing:
            return zh ? "文件不存在；请检查文件名和所在文件夹" : "the file does not exist; check the name and folder"
        case .isFolder:
            return zh ? "这是一个文件夹，不是文件" : "this is a folder, not a file"
        case .permissionDenied:
            return zh ? "无法打开文件（没有权限）；请找这台电脑的管理员开通权限"
                : "the file cannot be opened (permission denied); ask whoever manages this computer for access"
        case .emptyFile:
            return zh ? "文件是空的（0 字节）；请对方重新发送" : "the file is empty (0 bytes); ask for the file to be sent again"
        case .readTimedOut:
            return zh ? "读取文件用时过长，已停止；文件可能已损坏——请重新索取"
                : "reading the file took too long and was stopped; the file is probably damaged — ask for it again"
        case .cutOffNoIndex:
            return zh ? "文件不完整或已损坏（找不到索引）；请索取原始文件"
                : "the file is cut off or damaged (no index found); ask for the original file"
        case .notReadableMedia(let detail):
            return zh ? "不是本工具能读取的视频或照片（\(detail)）；请问清是用什么软件制作的，并索取 MP4 格式的副本"
                : "not a video or photo this tool can read (\(detail)); ask which program made it and for an MP4 copy"
        case .outOfMemory:
            return zh ? "读取这个文件需要的内存超出了可用内存；文件可能已损坏"
                : "the file needs more memory than is available to read; it may be damaged"
        case .unreadable(let detail):
            return zh ? "无法读取文件（\(detail)）；文件可能已损坏——请重新索取"
                : "the file could not be read (\(detail)); it may be damaged — ask for it again"
        case .textFile:
            return zh ? "这是文本文件，不是视频或照片；请索取真正的文件" : "this is a text file, not a video or photo; ask for the real file"
        case .zipArchive:
            return zh ? "这是 ZIP 压缩包；请解压后检查里面的文件" : "this is a ZIP archive; unpack it and check the files inside"
        case .documentHasNoPicture:
            return zh ? "文档没有可做缩略图的画面" : "a document has no picture to make a thumbnail from"
        case .pictureTooLarge(let width, let height, let megapixels):
            return zh ? "图片为 \(width)x\(height) 像素，超过本工具可解码的 \(megapixels) 百万像素；请发送较小的副本"
                : "the picture is \(width)x\(height) pixels, more than the \(megapixels) megapixels this tool decodes; send a smaller copy"
        case .noPicture:
            return zh ? "文件里没有可做缩略图的画面" : "the file holds no picture to make a thumbnail from"
        case .photoRefused(let refusal, let english):
            guard zh else { return english }
            return switch refusal {
            case .fileNotFound: "文件不存在"
            case .unreadable: "无法读取文件"
            case .notAPhoto: "这不是照片"
            case .damagedContainer: "HEIF 容器已损坏或不受支持（\(english)）"
            case .decodingFailed: "照片画面无法解码（\(english)）"
            case .imageTooLarge: "照片像素过多，无法解码（\(english)）"
            case .other: english
            }
        case .other(let text):
            return text
        }
    }
}
