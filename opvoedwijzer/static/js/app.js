// Progressive enhancement only: every flow works without this file.
"use strict";

// Forms marked data-enter-submits: Enter in any field (but a textarea) submits the form,
// so a contact is registered without reaching for the button.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
  const target = event.target;
  const form = target.closest && target.closest("form[data-enter-submits]");
  if (!form || target.tagName === "TEXTAREA" || target.tagName === "BUTTON" || target.tagName === "A") return;
  event.preventDefault();
  form.requestSubmit();
});
