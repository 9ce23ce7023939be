import Foundation
internal import RegistrationForms

extension Ingester {
    /// A registration form handed in as a file is read into records as it is stored: DOCX or
    /// XLSX directly, .doc/.xls/.wps/.et through LibreOffice when it is installed. A file that
    /// cannot be read (a PDF, a scan) is still stored, with a warning to enter the records by hand.
    func readForm(_ object: URL, originalName: String, sha256: SHA256Hash, part: Part, stamp: String) -> [Message] {
        guard let form = RegistrationForm(part: part), let kind = FormKind(rawValue: form.rawValue) else { return [] }
        // The reader tells formats by their extension; the stored copy's is the detected one, the
        // sender's name may say more (.wps, .et), so it reads a link named like the original.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("form-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ext = (originalName as NSString).pathExtension.lowercased()
        let named = folder.appendingPathComponent("form." + (ext.isEmpty ? object.pathExtension : ext))
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: named, withDestinationURL: object)
        } catch {
            return [.handIn(.formNotRead(reason: error.localizedDescription))]
        }
        switch FormFileReader().read(named, expecting: kind) {
        case .notRead(let reason):
            return [.handIn(.formNotRead(reason: reason))]
        case .read(let read):
            let records = read.filter { $0.form == kind }.map { record in
                FormRecord(form: form, county: county.slug, round: round.id, entry: sha256.hex, fields: record.values, enteredAt: stamp)
            }
            do {
                try FormStore(settings: settings, storage: catalogue.formStorage).add(records)
            } catch {
                return [.handIn(.formNotRead(reason: Self.explain(error).text(in: .en)))]
            }
            return [.handIn(.formRead(records: records.count))]
        }
    }
}
