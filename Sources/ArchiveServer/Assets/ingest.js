// The clerks' ingest page: each chosen or dropped file is its own upload to /api/ingest (so
// each shows its own progress), two at a time, and gets its receipt in the list (UploadPage.queue).
(function () {
  var page = UploadPage.settings(document.currentScript), T = page.text;
  var uploads = UploadPage.queue(T, page.maxBytes);
  var county = document.getElementById('county'), acceptFailing = document.getElementById('accept-failing');
  var list = document.getElementById('receipts');
  // No county chosen by default: a batch filed under the wrong county is worse than a question.
  function addAll(files) {
    if (!county.value) { alert(T.chooseCountyFirst); county.focus(); return; }
    var unit = county.options[county.selectedIndex].text;
    // The page's language, said outright: the API answers English unless asked.
    var url = '/api/ingest?county=' + encodeURIComponent(county.value) + (acceptFailing.checked ? '&acceptFailing=true' : '')
              + '&lang=' + T.lang;
    for (var i = 0; i < files.length; i++) uploads.add(files[i], url, list, unit);
    uploads.start();
  }
  UploadPage.whenFilesChosen(addAll);
})();
