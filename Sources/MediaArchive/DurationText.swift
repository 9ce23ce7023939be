import Foundation

/// How durations are written for people: "3:12.08" (minutes, seconds, hundredths).
public enum DurationText {
    /// "m:ss.xx", e.g. 192.08 → "3:12.08"; hours are added past 59:59.99.
    public static func clock(_ seconds: Double) -> String {
        let hundredths = Int((max(0, seconds) * 100).rounded())
        let (minutes, rest) = (hundredths / 6000, hundredths % 6000)
        let secondsPart = String(format: "%02d.%02d", rest / 100, rest % 100)
        if minutes >= 60 {
            return String(format: "%d:%02d:", minutes / 60, minutes % 60) + secondsPart
        }
        return "\(minutes):" + secondsPart
    }

    /// "m:ss" to the nearest second, as a player's badge shows it: 167.4 → "2:47"; hours are
    /// added past 59:59 ("1:02:03").
    public static func badge(_ seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        if total >= 3600 {
            return String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
        }
        return String(format: "%d:%02d", total / 60, total % 60)
    }

    /// A limit written the way the notice writes it: 180 → "3:00".
    public static func limit(_ seconds: Double) -> String {
        seconds == seconds.rounded()
            ? String(format: "%d:%02d", Int(seconds) / 60, Int(seconds) % 60)
            : clock(seconds)
    }

    /// Seconds with two decimals and no trailing zeros past them: 12.08 → "12.08 s", 1 → "1 s".
    public static func seconds(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + " s"
    }
}
