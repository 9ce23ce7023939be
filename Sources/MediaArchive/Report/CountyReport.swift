import Foundation

/// One county's line in `report`. JSON keys are a public contract: extend, never rename.
public struct CountyReport: Sendable, Equatable, EveryKeyEncodable {
    /// Whether everything was handed in by the policy's deadline.
    public enum DeadlineStatus: String, Sendable, Encodable {
        case onTime = "on time"
        case late
        case nothingSubmitted = "nothing submitted"
    }

    /// Items per kind; every kind is always present.
    public struct KindCounts: Sendable, Encodable, Equatable {
        public var video = 0
        public var photo = 0
        public var document = 0
        public var audio = 0
        public var unknown = 0
        /// Media reports handed in as links to online articles.
        public var link = 0

        public subscript(kind: MediaKind) -> Int {
            get {
                switch kind {
                case .video: video
                case .photo: photo
                case .document: document
                case .audio: audio
                case .unknown: unknown
                case .link: link
                }
            }
            set {
                switch kind {
                case .video: video = newValue
                case .photo: photo = newValue
                case .document: document = newValue
                case .audio: audio = newValue
                case .unknown: unknown = newValue
                case .link: link = newValue
                }
            }
        }
    }

    /// The county's slug.
    public var county: String
    /// The Chinese name.
    public var name: String
    public var items: Int
    public var byKind: KindCounts
    /// Total playing time of the videos, in minutes, to one decimal.
    public var videoMinutes: Double
    /// Items whose verdict is `fail` (stored with --accept-failing).
    public var failing: Int
    /// Items that carry at least one warning.
    public var warned: Int
    /// Earliest and latest `ingestedAt` (ISO 8601), or null when nothing was submitted.
    public var firstIngest: String?
    public var lastIngest: String?
    public var deadline: DeadlineStatus
    /// Items ingested after the deadline day (in the policy's zone).
    public var lateItems: Int
}
