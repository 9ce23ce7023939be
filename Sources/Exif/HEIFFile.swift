internal import CExif

/// libheif wants `heif_init` once per process before use (it loads its codec plugins);
/// a global `let` runs it exactly once, lazily and thread-safely. Never de-initialised:
/// other threads may still be decoding when any one caller is done.
private let heifLibraryReady: Bool = heif_init(nil).code == heif_error_Ok

/// Owns one libheif `heif_context` (a parsed HEIF/HEIC/AVIF container); `deinit` frees it.
/// Not Sendable: one per task.
final class HEIFFile {
    let path: String
    private let context: OpaquePointer

    /// Parses the container's boxes; no pixels are decoded.
    /// The corresponding C function is `heif_context_read_from_file`.
    init(path: String) throws {
        _ = heifLibraryReady
        guard let context = heif_context_alloc() else {
            throw ExifError(ExifError.damagedContainer, path: path, message: "out of memory while opening the HEIF file")
        }
        let result = heif_context_read_from_file(context, path, nil)
        guard result.code == heif_error_Ok else {
            // The message text belongs to the context: copy it before freeing.
            let libraryMessage = HEIFFile.message(of: result)
            heif_context_free(context)
            throw ExifError(
                ExifError.damagedContainer, path: path,
                message: "the HEIF container is damaged or unsupported; the photo cannot be read",
                libraryMessage: libraryMessage)
        }
        self.path = path
        self.context = context
    }

    deinit { heif_context_free(context) }

    /// The image a viewer shows for this file.
    func primaryImage() throws -> HEIFImageHandle {
        var handle: OpaquePointer?
        let result = heif_context_get_primary_image_handle(context, &handle)
        guard result.code == heif_error_Ok, let handle else {
            if let handle { heif_image_handle_release(handle) }
            throw ExifError(
                ExifError.damagedContainer, path: path, message: "the HEIF file has no readable main image",
                libraryMessage: HEIFFile.message(of: result))
        }
        return HEIFImageHandle(handle: handle, path: path)
    }

    /// Copies libheif's message; it lives only as long as the context that produced it.
    static func message(of error: heif_error) -> String {
        error.message.map { String(cString: $0) } ?? "libheif error \(error.code.rawValue)"
    }
}

/// Owns one `heif_image_handle`; `deinit` releases it. libheif reference-counts the
/// context behind a handle, so the handle stays valid after its `HEIFFile` is gone.
final class HEIFImageHandle {
    let path: String
    private let handle: OpaquePointer

    fileprivate init(handle: OpaquePointer, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit { heif_image_handle_release(handle) }

    /// Display size (after the container's rotation), in pixels.
    var width: Int { Int(heif_image_handle_get_width(handle)) }
    var height: Int { Int(heif_image_handle_get_height(handle)) }

    /// The raw bytes of each "Exif" metadata item, as stored (offset word first).
    /// The corresponding C function is `heif_image_handle_get_metadata`.
    func exifItems() -> [[UInt8]] {
        let count = Int(heif_image_handle_get_number_of_metadata_blocks(handle, "Exif"))
        guard count > 0 else { return [] }
        var ids = [heif_item_id](repeating: 0, count: count)
        let listed = Int(heif_image_handle_get_list_of_metadata_block_IDs(handle, "Exif", &ids, Int32(count)))
        return ids.prefix(listed).compactMap { id -> [UInt8]? in
            let size = heif_image_handle_get_metadata_size(handle, id)
            guard size > 0, size <= 16 * 1024 * 1024 else { return nil }
            var bytes = [UInt8](repeating: 0, count: size)
            let result = bytes.withUnsafeMutableBytes { heif_image_handle_get_metadata(handle, id, $0.baseAddress) }
            return result.code == heif_error_Ok ? bytes : nil
        }
    }

    /// Decodes to 8-bit interleaved RGB, upright: libheif applies the container's
    /// rotation, mirroring and crop (we pass no options, so `ignore_transformations` stays off).
    /// The corresponding C function is `heif_decode_image`.
    func decodeRGB() throws -> DecodedImage {
        var image: OpaquePointer?
        let result = heif_decode_image(handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGB, nil)
        guard result.code == heif_error_Ok, let image else {
            if let image { heif_image_release(image) }
            throw ExifError(
                ExifError.decodingFailed, path: path,
                message: "the HEIF image data cannot be decoded (damaged, or no decoder installed for it)",
                libraryMessage: HEIFFile.message(of: result))
        }
        defer { heif_image_release(image) }
        let width = Int(heif_image_get_width(image, heif_channel_interleaved))
        let height = Int(heif_image_get_height(image, heif_channel_interleaved))
        var stride: Int32 = 0
        guard width > 0, height > 0, let plane = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride),
            Int(stride) >= width * 3
        else {
            throw ExifError(ExifError.decodingFailed, path: path, message: "the decoded HEIF image has no RGB pixels")
        }
        let bytesPerRow = width * 3
        var rgb = [UInt8](repeating: 0, count: bytesPerRow * height)
        rgb.withUnsafeMutableBufferPointer { destination in
            for row in 0..<height {
                (destination.baseAddress! + row * bytesPerRow)
                    .update(from: plane + row * Int(stride), count: bytesPerRow)
            }
        }
        return DecodedImage(width: width, height: height, bytesPerRow: bytesPerRow, rgb: rgb)
    }
}
