import Foundation
import MediaArchive

/// The self-check page for county staff: one self-contained HTML document (no external
/// assets) in the reader's language. The policy's limit is written into the page so the
/// verdict text can say how far over a video is; the API call asks for reasons in the page's
/// language.
enum CheckPage {
    static func html(policy: SubmissionPolicy, language: Language) -> String {
        let text = Text.of(language)
        let limit = DurationText.limit(policy.maxVideoSeconds, in: language)
        let wording = Wording(language)
        let script = ScriptText(
            lang: language.rawValue, passed: wording.verdictLabel(.pass), failed: wording.verdictLabel(.fail),
            ready: text.ready, over: text.over, trim: text.trim(limit), followReasons: text.followReasons,
            unreadable: text.unreadable, askOriginal: text.askOriginal, details: text.details, separator: wording.separator,
            checking: text.checking, tooLarge: text.tooLarge, sendSmaller: text.sendSmaller, notFinished: text.notFinished,
            tryLater: text.tryLater, minute: text.minute, second: text.second)
        return PageShell.document(title: text.title, style: style, body: body, current: .check, language: language)
            .replacingOccurrences(of: "{{HEADING}}", with: text.title)
            .replacingOccurrences(of: "{{LEAD}}", with: text.lead(limit))
            .replacingOccurrences(of: "{{DROP_ZONE}}", with: UploadPageParts.dropZone(hint: text.dropHint, in: language))
            .replacingOccurrences(of: "{{TEXT}}", with: PageScriptText.literal(script))
            .replacingOccurrences(of: "{{LIMIT_SECONDS}}", with: "\(policy.maxVideoSeconds)")
            .replacingOccurrences(of: "{{MAX_BYTES}}", with: "\(policy.maxFileBytes)")
    }

    struct Text: Bilingual {
        var title: String
        var lead: @Sendable (_ limit: String) -> String
        var dropHint: String
        var ready: String
        /// "{amount}" stands for how far over, e.g. "12 秒" / "12 s".
        var over: String
        var trim: @Sendable (_ limit: String) -> String
        var followReasons, unreadable, askOriginal, details, checking, tooLarge, sendSmaller, notFinished, tryLater: String
        var minute, second: String

        static let zh = Text(
            title: "视频自查",
            lead: { "提交前先检查：每个视频不得超过 \($0)。文件只用于检查，检查后立即删除，不会保存。" },
            dropHint: "可一次选择多个视频、照片或文档",
            ready: "可以提交。", over: "超出 {amount}", trim: { "请剪辑到 \($0) 以内，再重新自查。" },
            followReasons: "请按下面的原因处理后重新自查。", unreadable: "无法读取：文件损坏或不是视频",
            askOriginal: "请向拍摄者索取原始文件，再重新自查。", details: "详情：", checking: "正在上传并检查…",
            tooLarge: "文件太大", sendSmaller: "请压缩或发送较小的文件。", notFinished: "检查没有完成", tryLater: "请稍后重试。",
            minute: "分", second: "秒")
        static let en = Text(
            title: "Video self-check",
            lead: { "Check before you hand in: no video may run longer than \($0). Files are only checked, deleted at once, never kept." },
            dropHint: "Several videos, photos or documents at once",
            ready: "Ready to submit.", over: "{amount} over", trim: { "Trim it to \($0) or less and check again." },
            followReasons: "Deal with the reasons below and check again.", unreadable: "Unreadable: the file is damaged or not a video",
            askOriginal: "Ask whoever filmed it for the original file and check again.", details: "Details: ",
            checking: "Uploading and checking…", tooLarge: "File too large", sendSmaller: "Compress it or send a smaller file.",
            notFinished: "The check did not finish", tryLater: "Please try again later.", minute: "min", second: "s")
    }

    /// The words the script needs, as the JSON object `T`.
    struct ScriptText: Encodable {
        var lang, passed, failed, ready, over, trim, followReasons, unreadable, askOriginal, details, separator: String
        var checking, tooLarge, sendSmaller, notFinished, tryLater, minute, second: String
    }

    private static let style = UploadPageParts.style + #"""
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
    """#

    private static let body = #"""
    <main>
      <h1>{{HEADING}}</h1>
      <p class="lead">{{LEAD}}</p>
      {{DROP_ZONE}}
      <ul id="results"></ul>
    </main>
    <script>
    (function () {
      var LIMIT = {{LIMIT_SECONDS}}, MAX_BYTES = {{MAX_BYTES}}, T = {{TEXT}};
      var list = document.getElementById('results');
    \#(UploadPageParts.script)

      // Tenths, cut not rounded: 179.96 s must not read "3:00" next to a verdict that says over.
      function clock(s) {
        var tenths = Math.floor(s * 10 + 1e-6), m = Math.floor(tenths / 600), r = (tenths % 600) / 10;
        return m + ':' + (r < 10 ? '0' : '') + r.toFixed(1);
      }
      function overText(s) {
        var over = s - LIMIT, amount;
        if (over < 1) {
          amount = over.toFixed(1) + ' ' + T.second;
        } else {
          var m = Math.floor(over / 60), r = Math.round(over % 60);
          amount = (m > 0 ? m + ' ' + T.minute + ' ' : '') + r + ' ' + T.second;
        }
        return T.over.replace('{amount}', amount);
      }
      function show(item, r) {
        var verdict, todo;
        var d = r.durationSeconds;
        if (r.verdict === 'pass') {
          verdict = (d != null ? clock(d) + ' — ' : '') + T.passed;
          todo = T.ready;
        } else if (r.verdict === 'fail' && d != null && r.kind === 'video' && d > LIMIT) {
          verdict = clock(d) + ' — ' + overText(d);
          todo = T.trim;
        } else if (r.verdict === 'fail') {
          verdict = (d != null ? clock(d) + ' — ' : '') + T.failed;
          todo = T.followReasons;
        } else {
          verdict = T.unreadable;
          todo = T.askOriginal;
        }
        item.className = r.verdict;
        if (r.thumbnail) item.querySelector('.thumb').src = r.thumbnail;
        item.querySelector('.verdict').textContent = verdict;
        item.querySelector('.todo').textContent = todo;
        var notes = (r.reasons || []).concat(r.warnings || []);
        item.querySelector('.detail').textContent = notes.length ? T.details + notes.join(T.separator) : '';
      }
      function check(file) {
        var item = el('li'), text = el('div', 'text'), thumb = el('img', 'thumb');
        thumb.alt = '';
        item.appendChild(thumb);
        item.appendChild(text);
        text.appendChild(el('div', 'name', file.name));
        text.appendChild(el('div', 'verdict', T.checking));
        text.appendChild(el('div', 'todo'));
        text.appendChild(el('div', 'detail'));
        list.insertBefore(item, list.firstChild);
        if (file.size > MAX_BYTES) {
          item.className = 'fail';
          item.querySelector('.verdict').textContent = T.tooLarge;
          item.querySelector('.todo').textContent = T.sendSmaller;
          return;
        }
        var form = new FormData();
        form.append('file', file, file.name);
        // The page's language, said outright: the API answers English unless asked.
        fetch('/api/check?thumbnail=1&lang=' + T.lang, { method: 'POST', body: form })
          .then(function (res) {
            return res.json().then(function (body) {
              if (!res.ok) throw new Error(body && body.error ? body.error.message : res.statusText);
              show(item, body);
            });
          })
          .catch(function (err) {
            item.className = 'error';
            item.querySelector('.verdict').textContent = T.notFinished;
            item.querySelector('.todo').textContent = T.tryLater;
            item.querySelector('.detail').textContent = T.details + err.message;
          });
      }
      function checkAll(files) { for (var i = 0; i < files.length; i++) check(files[i]); }
      whenFilesChosen(checkAll);
    })();
    </script>
    """#
}
