/// The camera or phone that made a file.
public struct Camera: Sendable, Equatable, Codable {
    public var make: String?
    public var model: String?

    public init(make: String?, model: String?) {
        self.make = make
        self.model = model
    }
}
