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

// A <select> whose options carry data-postcodes: typing digits picks the municipality with that
// postal code (the browser's own type-ahead only matches the start of the name).
(function () {
  let typed = "";
  let timer = null;
  document.addEventListener("keydown", function (event) {
    const select = event.target;
    if (select.tagName !== "SELECT" || !select.querySelector("option[data-postcodes]")) return;
    if (!/^[0-9]$/.test(event.key) || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    typed += event.key;
    clearTimeout(timer);
    timer = setTimeout(function () { typed = ""; }, 1500);
    const match = Array.from(select.options).find(function (option) {
      return (option.dataset.postcodes || "").split(" ").some(function (code) {
        return code.startsWith(typed);
      });
    });
    if (match && select.value !== match.value) {
      select.value = match.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
})();
