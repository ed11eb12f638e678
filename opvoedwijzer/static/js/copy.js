// Progressive enhancement: a button next to a readonly field copies its value. Without
// JavaScript the button stays hidden and the field can be selected and copied by hand.
"use strict";
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  const field = document.getElementById(button.dataset.copy);
  if (!field || !navigator.clipboard) return;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", function () {
    field.select();
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = button.dataset.copied;
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
});
