import Foundation
import Hummingbird
import MediaArchive

/// The clerks' ingest page: choose the county, choose or drop files; each file is its own
/// upload (so each shows its own progress), two at a time, and gets its receipt in the list.
/// One self-contained HTML document in the reader's language, styled like the self-check page;
/// county names stay Chinese. The ids and classes (`county`, `files`, `receipts`,
/// `stored`/`duplicate`/`rejected`/`error`) are what the browser test drives: keep them.
enum IngestPage {
    static func html(counties: CountyRegistry, policy: SubmissionPolicy, clerk: AccessToken, language: Language) -> String {
        let text = Text.of(language)
        let wording = Wording(language)
        let maxText = ByteText.describe(policy.maxFileBytes, in: language)
        let options = counties.counties.map { county in
            #"<option value="\#(PageShell.escape(county.slug))">\#(PageShell.escape(county.name))</option>"#
        }.joined(separator: "\n        ")
        let script = ScriptText(
            lang: language.rawValue, stored: text.stored, duplicate: text.duplicate, rejected: text.rejected,
            warnings: wording.warningPrefix, separator: wording.separator, uploading: text.uploading, uploaded: text.uploaded,
            uploadFailed: text.uploadFailed, networkLost: text.networkLost, waiting: text.waiting,
            tooLarge: text.rejected + Message.uploadTooLarge(limitBytes: policy.maxFileBytes).text(in: language), chooseCountyFirst: text.chooseCountyFirst)
        return PageShell.document(title: text.title, style: style, body: template, current: .ingest, language: language)
            .replacingOccurrences(of: "{{HEADING}}", with: text.title)
            .replacingOccurrences(of: "{{COUNTY_LABEL}}", with: text.county)
            .replacingOccurrences(of: "{{CHOOSE}}", with: text.choose)
            .replacingOccurrences(of: "{{ACCEPT_FAILING}}", with: text.acceptFailing)
            .replacingOccurrences(of: "{{DROP_ZONE}}", with: UploadPageParts.dropZone(hint: text.dropHint, in: language))
            .replacingOccurrences(of: "{{COUNTY_OPTIONS}}", with: options)
            .replacingOccurrences(of: "{{TEXT}}", with: PageScriptText.literal(script))
            .replacingOccurrences(of: "{{MAX_BYTES}}", with: "\(policy.maxFileBytes)")
            // Last: the clerk's name is someone's text, and must not be taken for a placeholder.
            .replacingOccurrences(of: "{{LEAD}}", with: text.lead(PageShell.escape(clerk.name), maxText))
    }

    /// For a logged-in archivist: this page is the clerks'.
    static func notForThisRole(language: Language) -> String {
        let text = Text.of(language)
        return PageShell.document(title: text.title, style: style, body: """
        <main>
          <h1>\(text.title)</h1>
          <p class="lead">\(text.clerksOnly)</p>
          <p><a href="\(ReturnPath.loginLocation(returningTo: "/ingest"))">\(text.logInAsClerk)</a></p>
        </main>
        """, current: .ingest, language: language)
    }

    struct Text: Bilingual {
        var title: String
        var lead: @Sendable (_ clerk: String, _ maxSize: String) -> String
        var county, choose, acceptFailing, dropHint, clerksOnly, logInAsClerk: String
        var stored, duplicate, rejected, uploading, uploaded, uploadFailed, networkLost, waiting: String
        var chooseCountyFirst: String

        static let zh = Text(
            title: "档案入库",
            lead: { "登记员 \($0)：先选择报送单位，再选择或拖入文件。每个文件都会检查、计算校验值并存档，重复文件只记录新文件名。单个文件不超过 \($1)。" },
            county: "报送单位", choose: "请选择…", acceptFailing: "不合格的视频也入库（标记为不合格）",
            dropHint: "可一次选择多个视频、照片或文档，逐个上传",
            clerksOnly: "入库只能由登记员（clerk）办理，您当前登录使用的令牌不是登记员令牌。", logInAsClerk: "用登记员令牌重新登录",
            stored: "已入库", duplicate: "重复（已记录新文件名）", rejected: "被拒绝：", uploading: "上传中 ",
            uploaded: "已上传，正在检查并入库…", uploadFailed: "上传失败", networkLost: "网络中断，请重新上传", waiting: "等待上传",
            chooseCountyFirst: "请先选择报送单位，再上传文件。")
        static let en = Text(
            title: "Archive ingest",
            lead: { "Clerk \($0): choose the county first, then choose or drop files. Each file is checked, hashed and archived; a file already in the archive only gets its new name recorded. At most \($1) a file." },
            county: "County", choose: "Choose…", acceptFailing: "Store failing videos too (marked as failing)",
            dropHint: "Several videos, photos or documents at once, uploaded one by one",
            clerksOnly: "Only clerks can ingest; the token you are logged in with is not a clerk's token.",
            logInAsClerk: "Log in again with a clerk's token",
            stored: "Stored", duplicate: "Duplicate (its new name was recorded)", rejected: "Rejected: ", uploading: "Uploading ",
            uploaded: "Uploaded; checking and storing…", uploadFailed: "Upload failed", networkLost: "the connection broke; upload it again",
            waiting: "Waiting to upload",
            chooseCountyFirst: "Choose the county first, then the files.")
    }

    /// The words the script needs, as the JSON object `T`.
    struct ScriptText: Encodable {
        var lang, stored, duplicate, rejected, warnings, separator, uploading, uploaded, uploadFailed, networkLost, waiting: String
        var tooLarge, chooseCountyFirst: String
    }

    private static let style = UploadPageParts.style + #"""
      a { color: #2f6fde; }
      .choose { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; margin: 0 0 16px; }
      .choose label { font-weight: 600; }
      select { font: inherit; padding: 8px 10px; border: 1px solid #9aa4b5; border-radius: 8px; background: #fff; }
      .choose .accept { font-weight: normal; color: #555d6b; }
      li.stored { border-left-color: #1f9d55; }
      li.duplicate { border-left-color: #2f6fde; }
      li.rejected { border-left-color: #d64545; }
      li.error { border-left-color: #d98b1c; }
      .name { font-weight: 600; word-break: break-all; }
      .status { font-size: 1.1rem; margin: 6px 0 2px; }
      .stored .status { color: #1f7a43; } .duplicate .status { color: #23509f; }
      .rejected .status { color: #b42e2e; } .error .status { color: #a86412; }
      progress { width: 100%; height: 8px; margin-top: 6px; }
      .detail { color: #666f7e; font-size: .88rem; margin-top: 6px; overflow-wrap: anywhere; }
    """#

    private static let template = #"""
    <main>
      <h1>{{HEADING}}</h1>
      <p class="lead">{{LEAD}}</p>
      <div class="choose">
        <label for="county">{{COUNTY_LABEL}}</label>
        <select id="county" name="county" required>
        <option value="" selected disabled>{{CHOOSE}}</option>
        {{COUNTY_OPTIONS}}
        </select>
        <label class="accept"><input id="accept-failing" type="checkbox"> {{ACCEPT_FAILING}}</label>
      </div>
      {{DROP_ZONE}}
      <ul id="receipts"></ul>
    </main>
    <script>
    (function () {
      // Two uploads at a time: enough to keep the line busy, and the server checks each one.
      var MAX_BYTES = {{MAX_BYTES}}, IN_FLIGHT = 2, T = {{TEXT}};
      var county = document.getElementById('county'), acceptFailing = document.getElementById('accept-failing');
      var list = document.getElementById('receipts');
      var waiting = [], running = 0;
    \#(UploadPageParts.script)
      function finish(item, cls, status, detail) {
        item.className = cls;
        item.querySelector('.status').textContent = status;
        item.querySelector('.detail').textContent = detail || '';
        var bar = item.querySelector('progress');
        if (bar) bar.parentNode.removeChild(bar);
      }
      function showReceipt(item, unit, r) {
        var status = r.status === 'stored' ? T.stored
                   : r.status === 'duplicate' ? T.duplicate
                   : T.rejected + (r.reasons || []).join(T.separator);
        var detail = [unit, 'SHA-256 ' + (r.sha256 ? r.sha256.slice(0, 12) : '—'), r.ingestedAt];
        if (r.warnings && r.warnings.length) detail.push(T.warnings + r.warnings.join(T.separator));
        finish(item, r.status, status, detail.join(' · '));
      }
      function messageOf(xhr) {
        try { return JSON.parse(xhr.responseText).error.message; } catch (e) { return xhr.statusText || ''; }
      }
      function upload(job) {
        var item = job.item, bar = item.querySelector('progress'), statusLine = item.querySelector('.status');
        var xhr = new XMLHttpRequest();
        // The page's language, said outright: the API answers English unless asked.
        xhr.open('POST', '/api/ingest?county=' + encodeURIComponent(job.county) + (job.acceptFailing ? '&acceptFailing=true' : '')
                 + '&lang=' + T.lang);
        xhr.upload.onprogress = function (e) {
          if (!e.lengthComputable) return;
          var percent = Math.floor(e.loaded * 100 / e.total);
          bar.value = percent;
          statusLine.textContent = T.uploading + percent + '%';
        };
        xhr.upload.onload = function () { bar.value = 100; statusLine.textContent = T.uploaded; };
        xhr.onload = function () {
          var receipt = null;
          try { receipt = JSON.parse(xhr.responseText)[0]; } catch (e) { receipt = null; }
          if (xhr.status === 200 && receipt) showReceipt(item, job.unit, receipt);
          else if (xhr.status === 413) finish(item, 'rejected', T.rejected + messageOf(xhr), job.unit);
          else finish(item, 'error', T.uploadFailed, job.unit + ' · ' + xhr.status + ' ' + messageOf(xhr));
        };
        xhr.onerror = function () { finish(item, 'error', T.uploadFailed, job.unit + ' · ' + T.networkLost); };
        xhr.onloadend = function () { running--; next(); };
        var form = new FormData();
        form.append('file', job.file, job.file.name);
        xhr.send(form);
      }
      function next() {
        while (running < IN_FLIGHT && waiting.length) { running++; upload(waiting.shift()); }
      }
      function add(file) {
        var unit = county.options[county.selectedIndex].text;
        var item = el('li', 'waiting');
        item.appendChild(el('div', 'name', file.name));
        item.appendChild(el('div', 'status', T.waiting));
        var bar = el('progress');
        bar.max = 100; bar.value = 0;
        item.appendChild(bar);
        item.appendChild(el('div', 'detail', unit));
        list.appendChild(item);
        if (file.size > MAX_BYTES) {
          finish(item, 'rejected', T.tooLarge, unit);
          return;
        }
        waiting.push({ file: file, item: item, county: county.value, unit: unit, acceptFailing: acceptFailing.checked });
      }
      // No county chosen by default: a batch filed under the wrong county is worse than a question.
      function addAll(files) {
        if (!county.value) { alert(T.chooseCountyFirst); county.focus(); return; }
        for (var i = 0; i < files.length; i++) add(files[i]);
        next();
      }
      whenFilesChosen(addAll);
    })();
    </script>
    """#
}
