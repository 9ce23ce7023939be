// The clerks' ingest page: each chosen or dropped file is its own upload to /api/ingest (so
// each shows its own progress), two at a time, and gets its receipt in the list.
(function () {
  var page = UploadPage.settings(document.currentScript);
  // Two uploads at a time: enough to keep the line busy, and the server checks each one.
  var MAX_BYTES = page.maxBytes, IN_FLIGHT = 2, T = page.text;
  var el = UploadPage.el;
  var county = document.getElementById('county'), acceptFailing = document.getElementById('accept-failing');
  var list = document.getElementById('receipts');
  var waiting = [], running = 0;

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
  UploadPage.whenFilesChosen(addAll);
})();
