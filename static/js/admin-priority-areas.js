// The plan form offers only the priority areas of the dimension chosen: the autocomplete
// request carries the dimension, and the server limits the list to it (PriorityAreaAdmin).
// An area chosen before the dimension changed is cleared; saving still checks the pair.
// Set up once the page's scripts have run: the admin's media may put this file before
// the one that makes django.jQuery.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var $ = window.django && window.django.jQuery;
  if (!$) {
    return;
  }
  var AREA_REQUEST = /(^|[?&])field_name=priority_area(&|$)/;
  var PLAN_REQUEST = /(^|[?&])model_name=plan(&|$)/;

  function chosenDimension() {
    var select = document.getElementById("id_dimension");
    return select ? select.value : "";
  }

  $.ajaxPrefilter(function (options) {
    var query = (options.url || "").split("?")[1] || "";
    if (typeof options.data === "string") {
      query += "&" + options.data;
    }
    if (AREA_REQUEST.test(query) && PLAN_REQUEST.test(query) && chosenDimension()) {
      var extra = "dimension=" + encodeURIComponent(chosenDimension());
      if (typeof options.data === "string") {
        options.data += "&" + extra;
      } else {
        options.url += (options.url.indexOf("?") === -1 ? "?" : "&") + extra;
      }
    }
  });

  $("#id_dimension").on("change", function () {
    $("#id_priority_area").val(null).trigger("change");
  });
});
