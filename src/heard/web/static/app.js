// heard: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Live character count for fields with a limit.
  document.querySelectorAll("textarea[data-counter]").forEach(function (area) {
    var out = document.getElementById(area.dataset.counter);
    var max = Number(area.getAttribute("maxlength")) || 0;
    function update() { if (out) out.textContent = area.value.length + " / " + max; }
    area.addEventListener("input", update);
    update();
  });
  // Ask before destructive actions (forms marked data-confirm).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
  // Move focus to an error message so keyboard and screen-reader users hear it.
  var error = document.getElementById("form-error");
  if (error) { error.setAttribute("tabindex", "-1"); error.focus(); }
});
