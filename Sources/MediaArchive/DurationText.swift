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

    /// A limit in `language`: English as the notice writes it ("3:00"); Chinese in words
    /// ("3 分钟", "2 分 30 秒"), as the notice's Chinese text says "3分钟".
    public static func limit(_ seconds: Double, in language: Language) -> String {
        guard language == .zh else { return limit(seconds) }
        let minutes = Int(seconds) / 60
        let rest = seconds - Double(minutes * 60)
        if rest == 0 { return "\(minutes) 分钟" }
        return minutes > 0 ? "\(minutes) 分 \(number(rest)) 秒" : "\(number(rest)) 秒"
    }

    /// Seconds with two decimals and no trailing zeros past them: 12.08 → "12.08 s", 1 → "1 s".
    public static func seconds(_ value: Double) -> String {
        number(value) + " s"
    }

    /// An amount of time in `language`: English keeps "72 s" (what the tool has always printed);
    /// Chinese splits minutes off: 12 → "12 秒", 72.5 → "1 分 12.5 秒".
    public static func amount(_ seconds: Double, in language: Language) -> String {
        guard language == .zh else { return self.seconds(seconds) }
        let hundredths = Int((max(0, seconds) * 100).rounded())
        let minutes = hundredths / 6000
        let rest = number(Double(hundredths % 6000) / 100) + " 秒"
        return minutes > 0 ? "\(minutes) 分 " + rest : rest
    }

    /// Two decimals at most, no trailing zeros: 12.50 → "12.5", 1.00 → "1".
    private static func number(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
