// The county portal: each part's upload form becomes a drop zone; each chosen or dropped file is
// its own upload to /api/handin (so each shows its own progress), two in flight at most across
// the page, and its verdict shows under it the moment the server answers. Without this script
// the forms post to /portal/handin as they are.
(function () {
  var page = UploadPage.settings(document.currentScript);
  // Two uploads at a time: enough to keep the line busy, and the server checks each one.
  var MAX_BYTES = page.maxBytes, IN_FLIGHT = 2, T = page.text;
  var el = UploadPage.el;
  var waiting = [], running = 0;

  function finish(item, cls, status, detail) {
    item.className = cls;
    item.querySelector('.status').textContent = status;
    item.querySelector('.detail').textContent = detail || '';
    var bar = item.querySelector('progress');
    if (bar) bar.parentNode.removeChild(bar);
  }
  function showReceipt(item, r) {
    var status = r.status === 'stored' ? T.stored
               : r.status === 'duplicate' ? T.duplicate
               : T.rejected + (r.reasons || []).join(T.separator);
    var detail = ['SHA-256 ' + (r.sha256 ? r.sha256.slice(0, 12) : '—'), r.ingestedAt];
    if (r.warnings && r.warnings.length) detail.push(T.warnings + r.warnings.join(T.separator));
    finish(item, r.status, status, detail.join(' · '));
  }
  function messageOf(xhr) {
    try { return JSON.parse(xhr.responseText).error.message; } catch (e) { return xhr.statusText || ''; }
  }
  function upload(job) {
    var item = job.item, bar = item.querySelector('progress'), statusLine = item.querySelector('.status');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', job.url);
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
      if (xhr.status === 200 && receipt) showReceipt(item, receipt);
      else if (xhr.status === 413) finish(item, 'rejected', T.rejected + messageOf(xhr), '');
      else finish(item, 'error', T.uploadFailed, xhr.status + ' ' + messageOf(xhr));
    };
    xhr.onerror = function () { finish(item, 'error', T.uploadFailed, T.networkLost); };
    xhr.onloadend = function () { running--; next(); };
    var form = new FormData();
    form.append('file', job.file, job.file.name);
    xhr.send(form);
  }
  function next() {
    while (running < IN_FLIGHT && waiting.length) { running++; upload(waiting.shift()); }
  }
  function add(file, url, list) {
    var item = el('li', 'waiting');
    item.appendChild(el('div', 'name', file.name));
    item.appendChild(el('div', 'status', T.waiting));
    var bar = el('progress');
    bar.max = 100; bar.value = 0;
    item.appendChild(bar);
    item.appendChild(el('div', 'detail', ''));
    list.appendChild(item);
    if (file.size > MAX_BYTES) { finish(item, 'rejected', T.tooLarge, ''); return; }
    waiting.push({ file: file, item: item, url: url });
  }
  var forms = document.querySelectorAll('form.upload');
  Array.prototype.forEach.call(forms, function (form) {
    var url = form.getAttribute('data-upload'), list = form.parentNode.querySelector('ul.receipts');
    form.classList.add('scripted');
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    UploadPage.whenFilesChosen(function (files) {
      for (var i = 0; i < files.length; i++) add(files[i], url, list);
      next();
    }, form.querySelector('label.drop'), form.querySelector('input[type=file]'));
  });
})();
