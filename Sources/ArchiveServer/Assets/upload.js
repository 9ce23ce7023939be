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
  return { el: el, whenFilesChosen: whenFilesChosen, settings: settings };
})();
