/// The files of Templates/ and Assets/, compiled into the binary by SwiftPM's `embedInCode`
/// rule (Package.swift): the .deb ships /usr/bin/media-archive alone, with no resource bundle
/// beside it, and it must still serve its pages. SwiftPM generates one `PackageResources`
/// member per file, named after the file with `.` and `-` turned into `_`, and no list of them:
/// a new file is added here too (ArchiveServerTests compares these tables with the folders).
enum EmbeddedFiles {
    /// By template name: the file name without `.mustache`, as partials and parents name it.
    static let templates: [String: [UInt8]] = [
        "layout": PackageResources.layout_mustache,
        "drop-zone": PackageResources.drop_zone_mustache,
        "check": PackageResources.check_mustache,
        "ingest": PackageResources.ingest_mustache,
        "ingest-clerks-only": PackageResources.ingest_clerks_only_mustache,
        "counties": PackageResources.counties_mustache,
        "search": PackageResources.search_mustache,
        "item": PackageResources.item_mustache,
        "login": PackageResources.login_mustache,
        "message": PackageResources.message_mustache,
        "portal": PackageResources.portal_mustache,
        "board": PackageResources.board_mustache,
        "receipt": PackageResources.receipt_mustache,
        "forms": PackageResources.forms_mustache,
        "form-record": PackageResources.form_record_mustache,
    ]

    /// By file name, as `/assets/<name>` serves them.
    static let assets: [String: [UInt8]] = [
        "site.css": PackageResources.site_css,
        "upload.css": PackageResources.upload_css,
        "check.css": PackageResources.check_css,
        "ingest.css": PackageResources.ingest_css,
        "counties.css": PackageResources.counties_css,
        "search.css": PackageResources.search_css,
        "item.css": PackageResources.item_css,
        "board.css": PackageResources.board_css,
        "portal.css": PackageResources.portal_css,
        "receipt.css": PackageResources.receipt_css,
        "login.css": PackageResources.login_css,
        "message.css": PackageResources.message_css,
        "upload.js": PackageResources.upload_js,
        "check.js": PackageResources.check_js,
        "ingest.js": PackageResources.ingest_js,
        "portal.js": PackageResources.portal_js,
    ]
}
