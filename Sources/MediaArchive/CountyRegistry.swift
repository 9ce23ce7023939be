public import Foundation

/// A county-level unit that hands in material.
public struct County: Sendable, Hashable, Codable {
    /// ASCII name used in paths and on the command line, e.g. "hualong".
    public var slug: String
    /// The Chinese name, e.g. "华龙区".
    public var name: String
    /// The full official name where the short one is informal, e.g. "濮阳经济技术开发区".
    public var fullName: String?
    /// The administrative division code, where one exists, e.g. "410902".
    public var code: String?

    public init(slug: String, name: String, fullName: String? = nil, code: String? = nil) {
        self.slug = slug
        self.name = name
        self.fullName = fullName
        self.code = code
    }
}

/// The counties of `counties.json`, looked up by slug, Chinese name or code.
public struct CountyRegistry: Sendable, Equatable {
    public var counties: [County]

    public init(counties: [County]) {
        self.counties = counties
    }

    /// The units of Puyang, as the 2021 notice addresses them.
    public static let puyang = CountyRegistry(counties: [
        County(slug: "hualong", name: "华龙区", code: "410902"),
        County(slug: "qingfeng", name: "清丰县", code: "410922"),
        County(slug: "nanle", name: "南乐县", code: "410923"),
        County(slug: "fanxian", name: "范县", code: "410926"),
        County(slug: "taiqian", name: "台前县", code: "410927"),
        County(slug: "puyangxian", name: "濮阳县", code: "410928"),
        County(slug: "gongyeyuanqu", name: "工业园区", fullName: "河南濮阳工业园区", code: "410971"),
        County(slug: "kaifaqu", name: "开发区", fullName: "濮阳经济技术开发区"),
        County(slug: "shifanqu", name: "示范区", fullName: "濮阳城乡一体化示范区"),
        County(slug: "shizhi", name: "市直单位"),
    ])

    /// Reads `counties.json` (an array of counties). Slugs must be safe as folder names.
    public static func load(from url: URL) throws -> CountyRegistry {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ArchiveError.unreadableConfiguration(path: url.path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        let counties: [County]
        do {
            counties = try JSONDecoder().decode([County].self, from: data)
        } catch {
            throw ArchiveError.unreadableConfiguration(path: url.path, reason: ConfigurationErrorText.describe(error))
        }
        for county in counties where !isSafeSlug(county.slug) {
            throw ArchiveError.unreadableConfiguration(path: url.path,
                reason: "the slug \"\(county.slug)\" is not allowed (use lower-case letters, digits and '-')")
        }
        return CountyRegistry(counties: counties)
    }

    /// Finds a county by slug, Chinese name (short or full) or code.
    public func resolve(_ text: String) throws -> County {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        if let county = counties.first(where: {
            $0.slug == wanted.lowercased() || $0.name == wanted || $0.fullName == wanted || $0.code == wanted
        }) {
            return county
        }
        throw ArchiveError.unknownCounty(text, known: counties)
    }

    /// A slug becomes a folder name, so it may not contain anything that could leave the archive.
    static func isSafeSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.count <= 64 && slug.first != "-"
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
