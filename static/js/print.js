// Wires every [data-print] button to the browser's print dialog. Buttons stay hidden
// without JavaScript, where they could do nothing.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
