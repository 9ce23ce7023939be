import Foundation

/// `type; key=value; key="quoted value"` header parameters, keys compared case-insensitively.
struct HeaderParameters {
    private var values: [String: String] = [:]

    init(_ header: String) {
        var key = "", value = "", inKey = true, quoted = false, escaped = false
        func commit() {
            let name = key.trimmingCharacters(in: .whitespaces).lowercased()
            if !inKey, !name.isEmpty, values[name] == nil { values[name] = value.trimmingCharacters(in: quoted ? [] : .whitespaces) }
            key = ""; value = ""; inKey = true; quoted = false
        }
        for character in header {
            if inKey {
                if character == ";" { key = "" } else if character == "=" { inKey = false } else { key.append(character) }
            } else if escaped {
                value.append(character); escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                commit()
            } else {
                value.append(character)
            }
        }
        commit()
    }

    func value(for key: String) -> String? { values[key.lowercased()] }
}
