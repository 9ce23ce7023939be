import Foundation
import MediaArchive

/// The self-check page for county staff: one self-contained HTML document (no external
/// assets), in Chinese. The policy's limit is written into the page so the verdict text can
/// say how far over a video is.
enum CheckPage {
    static func html(policy: SubmissionPolicy) -> String {
        template
            .replacingOccurrences(of: "{{LIMIT_TEXT}}", with: DurationText.limit(policy.maxVideoSeconds))
            .replacingOccurrences(of: "{{LIMIT_SECONDS}}", with: "\(policy.maxVideoSeconds)")
            .replacingOccurrences(of: "{{MAX_BYTES}}", with: "\(policy.maxFileBytes)")
    }

    private static let template = PageShell.document(title: "视频自查", style: UploadPageParts.style + #"""
      li { display: flex; gap: 14px; align-items: flex-start; }
      li .thumb { width: 120px; height: 90px; object-fit: contain; background: #eceff3; border-radius: 6px; flex: none; }
      li .thumb:not([src]) { visibility: hidden; }
      li .text { min-width: 0; }
      li.pass { border-left-color: #1f9d55; }
      li.fail { border-left-color: #d64545; }
      li.error { border-left-color: #d98b1c; }
      .name { font-weight: 600; word-break: break-all; }
      .verdict { font-size: 1.2rem; margin: 6px 0 2px; }
      .pass .verdict { color: #1f7a43; } .fail .verdict { color: #b42e2e; } .error .verdict { color: #a86412; }
      .todo { margin: 4px 0 0; }
      .detail { color: #666f7e; font-size: .88rem; margin-top: 6px; }
    """#, body: #"""
    <main>
      <h1>视频自查</h1>
      <p class="lead">提交前先检查：每个视频不得超过 {{LIMIT_TEXT}}。文件只用于检查，检查后立即删除，不会保存。</p>
      <label id="drop" for="files">
        <strong>点击选择文件，或把文件拖到这里</strong>
        <span>可一次选择多个视频、照片或文档</span>
      </label>
      <input id="files" type="file" multiple>
      <ul id="results"></ul>
    </main>
    <script>
    (function () {
      var LIMIT = {{LIMIT_SECONDS}}, MAX_BYTES = {{MAX_BYTES}};
      var list = document.getElementById('results');
    \#(UploadPageParts.script)

      // Tenths, cut not rounded: 179.96 s must not read "3:00" next to a verdict that says over.
      function clock(s) {
        var tenths = Math.floor(s * 10 + 1e-6), m = Math.floor(tenths / 600), r = (tenths % 600) / 10;
        return m + ':' + (r < 10 ? '0' : '') + r.toFixed(1);
      }
      function overText(s) {
        var over = s - LIMIT;
        if (over < 1) return over.toFixed(1) + ' 秒';
        var m = Math.floor(over / 60), r = Math.round(over % 60);
        return (m > 0 ? m + ' 分 ' : '') + r + ' 秒';
      }
      function show(item, r) {
        var verdict, todo;
        var d = r.durationSeconds;
        if (r.verdict === 'pass') {
          verdict = (d != null ? clock(d) + ' — ' : '') + '合格';
          todo = '可以提交。';
        } else if (r.verdict === 'fail' && d != null && r.kind === 'video' && d > LIMIT) {
          verdict = clock(d) + ' — 超出 ' + overText(d);
          todo = '请剪辑到 {{LIMIT_TEXT}} 以内，再重新自查。';
        } else if (r.verdict === 'fail') {
          verdict = (d != null ? clock(d) + ' — ' : '') + '不合格';
          todo = '请按下面的原因处理后重新自查。';
        } else {
          verdict = '无法读取：文件损坏或不是视频';
          todo = '请向拍摄者索取原始文件，再重新自查。';
        }
        item.className = r.verdict;
        if (r.thumbnail) item.querySelector('.thumb').src = r.thumbnail;
        item.querySelector('.verdict').textContent = verdict;
        item.querySelector('.todo').textContent = todo;
        var notes = (r.reasons || []).concat(r.warnings || []);
        item.querySelector('.detail').textContent = notes.length ? '详情：' + notes.join('；') : '';
      }
      function check(file) {
        var item = el('li'), text = el('div', 'text'), thumb = el('img', 'thumb');
        thumb.alt = '';
        item.appendChild(thumb);
        item.appendChild(text);
        text.appendChild(el('div', 'name', file.name));
        text.appendChild(el('div', 'verdict', '正在上传并检查…'));
        text.appendChild(el('div', 'todo'));
        text.appendChild(el('div', 'detail'));
        list.insertBefore(item, list.firstChild);
        if (file.size > MAX_BYTES) {
          item.className = 'fail';
          item.querySelector('.verdict').textContent = '文件太大';
          item.querySelector('.todo').textContent = '请压缩或发送较小的文件。';
          return;
        }
        var form = new FormData();
        form.append('file', file, file.name);
        fetch('/api/check?thumbnail=1', { method: 'POST', body: form })
          .then(function (res) {
            return res.json().then(function (body) {
              if (!res.ok) throw new Error(body && body.error ? body.error.message : res.statusText);
              show(item, body);
            });
          })
          .catch(function (err) {
            item.className = 'error';
            item.querySelector('.verdict').textContent = '检查没有完成';
            item.querySelector('.todo').textContent = '请稍后重试。';
            item.querySelector('.detail').textContent = '详情：' + err.message;
          });
      }
      function checkAll(files) { for (var i = 0; i < files.length; i++) check(files[i]); }
      whenFilesChosen(checkAll);
    })();
    </script>
    """#, current: .check)
}
