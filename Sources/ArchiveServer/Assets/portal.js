// The county portal: each part's upload form becomes a drop zone; each chosen or dropped file is
// its own upload to /api/handin (so each shows its own progress), two in flight at most across
// the page, and its verdict shows under it the moment the server answers (UploadPage.queue).
// Without this script the forms post to /portal/handin as they are.
(function () {
  var page = UploadPage.settings(document.currentScript);
  var uploads = UploadPage.queue(page.text, page.maxBytes);
  Array.prototype.forEach.call(document.querySelectorAll('form.upload'), function (form) {
    var url = form.getAttribute('data-upload'), list = form.parentNode.querySelector('ul.receipts');
    form.classList.add('scripted');
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    UploadPage.whenFilesChosen(function (files) {
      for (var i = 0; i < files.length; i++) uploads.add(files[i], url, list);
      uploads.start();
    }, form.querySelector('label.drop'), form.querySelector('input[type=file]'));
  });
})();
