// What the upload pages (self-check, ingest, the county portal) share: the drop zone is the label of a
// hidden <input id="files" type="file" multiple>, and whenFilesChosen hands every choice or
// drop to the page's own script. Loaded before check.js / ingest.js / portal.js, which use it.
var UploadPage = (function () {
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  // drop and input default to the page's one drop zone (#drop, #files); the portal has one per part.
  function whenFilesChosen(handle, drop, input) {
    drop = drop || document.getElementById('drop');
    input = input || document.getElementById('files');
    input.addEventListener('change', function () { handle(input.files); input.value = ''; });
    ['dragenter', 'dragover'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) { handle(e.dataTransfer.files); });
  }
  // The page's settings and words, which the server writes as JSON into the data-page
  // attribute of the page's own <script> tag (one script file serves both languages).
  function settings(script) {
    return JSON.parse(script.getAttribute('data-page'));
  }
  // The ingest page's and the portal's uploads: each file its own XHR (so each shows its own
  // progress), two in flight at most, each line ending with the server's receipt. T holds the
  // page's words; add(file, url, list, unit) queues one file, unit being shown beside it.
  function queue(T, maxBytes) {
    // Two uploads at a time: enough to keep the line busy, and the server checks each one.
    var IN_FLIGHT = 2, waiting = [], running = 0;
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
      var detail = [unit, 'SHA-256 ' + (r.sha256 ? r.sha256.slice(0, 12) : '—'), r.ingestedAt].filter(Boolean);
      if (r.warnings && r.warnings.length) detail.push(T.warnings + r.warnings.join(T.separator));
      finish(item, r.status, status, detail.join(' · '));
    }
    function messageOf(xhr) {
      try { return JSON.parse(xhr.responseText).error.message; } catch (e) { return xhr.statusText || ''; }
    }
    function upload(job) {
      var item = job.item, bar = item.querySelector('progress'), statusLine = item.querySelector('.status');
      var unit = job.unit ? job.unit + ' · ' : '';
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
        if (xhr.status === 200 && receipt) showReceipt(item, job.unit, receipt);
        else if (xhr.status === 413) finish(item, 'rejected', T.rejected + messageOf(xhr), job.unit);
        else finish(item, 'error', T.uploadFailed, unit + xhr.status + ' ' + messageOf(xhr));
      };
      xhr.onerror = function () { finish(item, 'error', T.uploadFailed, unit + T.networkLost); };
      xhr.onloadend = function () { running--; next(); };
      var form = new FormData();
      form.append('file', job.file, job.file.name);
      xhr.send(form);
    }
    function next() {
      while (running < IN_FLIGHT && waiting.length) { running++; upload(waiting.shift()); }
    }
    function add(file, url, list, unit) {
      var item = el('li', 'waiting');
      item.appendChild(el('div', 'name', file.name));
      item.appendChild(el('div', 'status', T.waiting));
      var bar = el('progress');
      bar.max = 100; bar.value = 0;
      item.appendChild(bar);
      item.appendChild(el('div', 'detail', unit || ''));
      list.appendChild(item);
      if (file.size > maxBytes) { finish(item, 'rejected', T.tooLarge, unit); return; }
      waiting.push({ file: file, item: item, url: url, unit: unit || '' });
    }
    return { add: add, start: next };
  }
  return { el: el, whenFilesChosen: whenFilesChosen, settings: settings, queue: queue };
})();
