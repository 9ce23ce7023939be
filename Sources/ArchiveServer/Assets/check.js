// The self-check page: each chosen or dropped file is sent to /api/check and its verdict shown
// in the reader's language. The policy's limit comes with the page's settings so the verdict
// can say how far over a video is.
(function () {
  var page = UploadPage.settings(document.currentScript);
  var LIMIT = page.limitSeconds, MAX_BYTES = page.maxBytes, T = page.text;
  var el = UploadPage.el;
  var list = document.getElementById('results');

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
  UploadPage.whenFilesChosen(checkAll);
})();
