// Progressive enhancement: a readonly field with data-copy-label gets a button that copies its
// value. Without JavaScript there is no button, and the field can be selected and copied by hand.
"use strict";
document.querySelectorAll("input[readonly][data-copy-label]").forEach(function (field) {
  if (!navigator.clipboard) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button--secondary";
  button.textContent = field.dataset.copyLabel;
  field.after(button);
  button.addEventListener("click", function () {
    field.select();
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = field.dataset.copiedLabel;
      setTimeout(function () { button.textContent = field.dataset.copyLabel; }, 3000);
    });
  });
});
