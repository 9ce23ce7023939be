import MediaArchive

/// What the two upload pages (self-check and ingest) share, so they look and behave alike: the
/// layout, a drop zone that is the label of a hidden `<input id="files" type="file" multiple>`,
/// the result list, and the script that hands chosen or dropped files to the page.
enum UploadPageParts {
    /// The drop zone and its hidden file input, whose ids `script` looks up; `hint` says what
    /// the page takes. Stands where the page's body has `{{DROP_ZONE}}`, two spaces in.
    static func dropZone(hint: String, in language: Language) -> String {
        """
        <label id="drop" for="files">
            <strong>\(dropPrompt(in: language))</strong>
            <span>\(hint)</span>
          </label>
          <input id="files" type="file" multiple>
        """
    }

    /// The drop zone's call to action, the same on both pages.
    private static func dropPrompt(in language: Language) -> String {
        switch language {
        case .zh: "点击选择文件，或把文件拖到这里"
        case .en: "Click to choose files, or drop them here"
        }
    }

    static let style = #"""
      main { max-width: 760px; margin: 0 auto; padding: 24px 16px 48px; }
      h1 { font-size: 1.6rem; margin: 0 0 4px; }
      .lead { color: #555d6b; margin: 0 0 20px; }
      #drop { display: block; border: 2px dashed #9aa4b5; border-radius: 12px; background: #fff; padding: 36px 16px;
              text-align: center; cursor: pointer; }
      #drop.over { border-color: #2f6fde; background: #eef4ff; }
      #drop strong { display: block; font-size: 1.15rem; margin-bottom: 6px; }
      #drop span { color: #666f7e; }
      input[type=file] { display: none; }
      ul { list-style: none; padding: 0; margin: 20px 0 0; }
      li { background: #fff; border-radius: 10px; padding: 14px 16px; margin-bottom: 12px;
           border-left: 6px solid #c4cad4; }

    """#

    /// Defines `el(tag, cls, text)` and `whenFilesChosen(handle)`, which calls `handle(files)`
    /// for every choice or drop; goes inside the page's own function.
    static let script = #"""
      function el(tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) e.className = cls;
        if (text) e.textContent = text;
        return e;
      }
      function whenFilesChosen(handle) {
        var drop = document.getElementById('drop'), input = document.getElementById('files');
        input.addEventListener('change', function () { handle(input.files); input.value = ''; });
        ['dragenter', 'dragover'].forEach(function (t) {
          drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
        });
        ['dragleave', 'drop'].forEach(function (t) {
          drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove('over'); });
        });
        drop.addEventListener('drop', function (e) { handle(e.dataTransfer.files); });
      }

    """#
}
