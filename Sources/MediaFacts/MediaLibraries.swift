internal import MediaProbe

/// The C libraries behind the readers. FFmpeg is loaded when a file first needs it (a command
/// that never opens a video does not pay for its 135 shared libraries); a process that will
/// read files anyway can load it at once.
public enum MediaLibraries {
    /// Loads FFmpeg now; nil once it is loaded, else why it cannot be (each file read later
    /// then gets that reason too). A checking worker calls this before it limits its address
    /// space, so that the limit is what a file may use, not what the libraries map.
    public static func loadNow() -> String? {
        do {
            try FFmpegLibrary.load()
            return nil
        } catch {
            return error.message
        }
    }
}
