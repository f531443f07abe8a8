// Accessibility repairs for markup that Django admin's bundled widgets build in the
// browser (Select2 autocomplete, the two-pane "filter_horizontal" selector). Server-rendered
// markup is fixed in templates/admin/ instead. Safe to run repeatedly: widgets re-render.
(function () {
  "use strict";

  function labelFor(id) {
    var label = id && document.querySelector('label[for="' + id + '"]');
    if (label && !label.id) {
      label.id = id + "_label";
    }
    return label;
  }

  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var container = select.nextElementSibling;
      var label = labelFor(select.id);
      if (!label || !container || !container.classList.contains("select2")) {
        return;
      }
      // The combobox is otherwise named only by its current value, which may be empty.
      container.querySelectorAll(".select2-selection").forEach(function (combobox) {
        var rendered = combobox.querySelector(".select2-selection__rendered[id]");
        var names = [label.id];
        if (rendered) {
          names.push(rendered.id);
        }
        combobox.setAttribute("aria-labelledby", names.join(" "));
        if (rendered) {
          // The read-only box showing the current value is named by the field too.
          rendered.setAttribute("aria-labelledby", label.id);
        }
      });
      container.querySelectorAll(".select2-search__field").forEach(function (input) {
        input.setAttribute("aria-labelledby", label.id);
      });
      // "Remove all" is a mouse shortcut inside the list of choices; each choice keeps
      // its own remove control and Backspace works from the keyboard.
      container.querySelectorAll(".select2-selection__clear").forEach(function (clear) {
        clear.setAttribute("aria-hidden", "true");
      });
    });
  }

  function fixFilterIcons(root) {
    // An aria-label is only allowed on an element with a role: these icons are images.
    root.querySelectorAll(".search-label-icon[aria-label]").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function repair() {
    nameAutocompletes(document);
    fixFilterIcons(document);
  }

  var scheduled = false;
  function scheduleRepair() {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(function () {
        scheduled = false;
        repair();
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    repair();
    new MutationObserver(scheduleRepair).observe(document.body, { childList: true, subtree: true });
  });
  window.addEventListener("load", repair);
})();
