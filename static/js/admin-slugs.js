// Slugs filled in from a title keep the dashes of a period: Django's URLify drops every
// character it does not know, so "2027–2029" (en dash) became "20272029". Dashes and
// minus signs are turned into hyphens before it sees them.
(function () {
  "use strict";
  var DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

  function wrap() {
    var urlify = window.URLify;
    if (typeof urlify !== "function" || urlify.keepsDashes) {
      return;
    }
    var wrapped = function (text, maxLength, allowUnicode) {
      return urlify(String(text).replace(DASHES, "-"), maxLength, allowUnicode);
    };
    wrapped.keepsDashes = true;
    window.URLify = wrapped;
  }

  wrap();
  document.addEventListener("DOMContentLoaded", wrap);
})();
