import Foundation
import Hummingbird
import MediaArchive

/// The clerks' ingest page: choose the county, choose or drop files; each file is its own
/// upload (so each shows its own progress), two at a time, and gets its receipt in the list.
/// One self-contained HTML document in Chinese, styled like the self-check page. The ids and
/// classes (`county`, `files`, `receipts`, `stored`/`duplicate`/`rejected`/`error`) are what the
/// browser test drives: keep them.
enum IngestPage {
    static func html(counties: CountyRegistry, policy: SubmissionPolicy, clerk: AccessToken) -> String {
        let options = counties.counties.map { county in
            #"<option value="\#(PageShell.escape(county.slug))">\#(PageShell.escape(county.name))</option>"#
        }.joined(separator: "\n        ")
        return template
            .replacingOccurrences(of: "{{COUNTY_OPTIONS}}", with: options)
            .replacingOccurrences(of: "{{CLERK}}", with: PageShell.escape(clerk.name))
            .replacingOccurrences(of: "{{MAX_BYTES}}", with: "\(policy.maxFileBytes)")
            .replacingOccurrences(of: "{{MAX_TEXT}}", with: ByteText.describe(policy.maxFileBytes))
    }

    /// For a logged-in archivist: this page is the clerks'.
    static let notForThisRole = PageShell.document(title: "档案入库", style: style, body: #"""
    <main>
      <h1>档案入库</h1>
      <p class="lead">入库只能由登记员（clerk）办理，您当前登录使用的令牌不是登记员令牌。</p>
      <p><a href="/login">用登记员令牌重新登录</a></p>
    </main>
    """#, current: .ingest)

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

    private static let template = PageShell.document(title: "档案入库", style: style, body: #"""
    <main>
      <h1>档案入库</h1>
      <p class="lead">登记员 {{CLERK}}：先选择报送单位，再选择或拖入文件。每个文件都会检查、计算校验值并存档，重复文件只记录新文件名。单个文件不超过 {{MAX_TEXT}}。</p>
      <div class="choose">
        <label for="county">报送单位</label>
        <select id="county" name="county" required>
        <option value="" selected disabled>请选择…</option>
        {{COUNTY_OPTIONS}}
        </select>
        <label class="accept"><input id="accept-failing" type="checkbox"> 不合格的视频也入库（标记为不合格）</label>
      </div>
      <label id="drop" for="files">
        <strong>点击选择文件，或把文件拖到这里</strong>
        <span>可一次选择多个视频、照片或文档，逐个上传</span>
      </label>
      <input id="files" type="file" multiple>
      <ul id="receipts"></ul>
    </main>
    <script>
    (function () {
      // Two uploads at a time: enough to keep the line busy, and the server checks each one.
      var MAX_BYTES = {{MAX_BYTES}}, IN_FLIGHT = 2;
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
        var status = r.status === 'stored' ? '已入库'
                   : r.status === 'duplicate' ? '重复（已记录新文件名）'
                   : '被拒绝：' + (r.reasons || []).join('；');
        var detail = [unit, 'SHA-256 ' + (r.sha256 ? r.sha256.slice(0, 12) : '—'), r.ingestedAt];
        if (r.warnings && r.warnings.length) detail.push('提示：' + r.warnings.join('；'));
        finish(item, r.status, status, detail.join(' · '));
      }
      function messageOf(xhr) {
        try { return JSON.parse(xhr.responseText).error.message; } catch (e) { return xhr.statusText || ''; }
      }
      function upload(job) {
        var item = job.item, bar = item.querySelector('progress'), statusLine = item.querySelector('.status');
        var xhr = new XMLHttpRequest();
        xhr.open('POST', '/api/ingest?county=' + encodeURIComponent(job.county) + (job.acceptFailing ? '&acceptFailing=true' : ''));
        xhr.upload.onprogress = function (e) {
          if (!e.lengthComputable) return;
          var percent = Math.floor(e.loaded * 100 / e.total);
          bar.value = percent;
          statusLine.textContent = '上传中 ' + percent + '%';
        };
        xhr.upload.onload = function () { bar.value = 100; statusLine.textContent = '已上传，正在检查并入库…'; };
        xhr.onload = function () {
          var receipt = null;
          try { receipt = JSON.parse(xhr.responseText)[0]; } catch (e) { receipt = null; }
          if (xhr.status === 200 && receipt) showReceipt(item, job.unit, receipt);
          else if (xhr.status === 413) finish(item, 'rejected', '被拒绝：' + messageOf(xhr), job.unit);
          else finish(item, 'error', '上传失败', job.unit + ' · ' + xhr.status + ' ' + messageOf(xhr));
        };
        xhr.onerror = function () { finish(item, 'error', '上传失败', job.unit + ' · 网络中断，请重新上传'); };
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
        item.appendChild(el('div', 'status', '等待上传'));
        var bar = el('progress');
        bar.max = 100; bar.value = 0;
        item.appendChild(bar);
        item.appendChild(el('div', 'detail', unit));
        list.appendChild(item);
        if (file.size > MAX_BYTES) {
          finish(item, 'rejected', '被拒绝：文件超过 {{MAX_TEXT}} 的上限，请发送较小的文件', unit);
          return;
        }
        waiting.push({ file: file, item: item, county: county.value, unit: unit, acceptFailing: acceptFailing.checked });
      }
      // No county chosen by default: a batch filed under the wrong county is worse than a question.
      function addAll(files) {
        if (!county.value) { alert('请先选择报送单位，再上传文件。'); county.focus(); return; }
        for (var i = 0; i < files.length; i++) add(files[i]);
        next();
      }
      whenFilesChosen(addAll);
    })();
    </script>
    """#, current: .ingest)
}
