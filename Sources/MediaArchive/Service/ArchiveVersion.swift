/// The release's version: `media-archive --version`, `/healthz`, and the Debian package's
/// version (`make deb` asks the built binary, so the three can never disagree).
public enum ArchiveVersion {
    public static let current = "0.13.0"
}
