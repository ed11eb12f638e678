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

// Checkbox groups (div.checkgroup, the contact form's life stages, offers, themes): one tab stop
// per group, arrows move within it, and typing the first letters of an option ticks it (Space
// unticks), as a <select> answers to letters. Without this file every checkbox is its own tab stop.
(function () {
  function boxes(group) {
    return Array.from(group.querySelectorAll("input[type=checkbox]"));
  }
  function labelOf(box) {
    const label = box.closest("label") || document.querySelector('label[for="' + box.id + '"]');
    return label ? label.textContent.trim().toLowerCase() : "";
  }
  function rove(group, current) {
    boxes(group).forEach(function (box) { box.tabIndex = box === current ? 0 : -1; });
  }
  document.querySelectorAll("div.checkgroup").forEach(function (group) {
    const all = boxes(group);
    if (all.length) rove(group, all.find(function (box) { return box.checked; }) || all[0]);
  });
  let typed = "";
  let timer = null;
  let typedIn = null;
  document.addEventListener("focusin", function (event) {
    const group = event.target.closest && event.target.closest("div.checkgroup");
    if (group !== typedIn) typed = ""; // letters typed in another field do not count here
    typedIn = group;
    if (group && event.target.type === "checkbox") rove(group, event.target);
  });
  document.addEventListener("keydown", function (event) {
    const box = event.target;
    const group = box.type === "checkbox" && box.closest("div.checkgroup");
    if (!group || event.ctrlKey || event.altKey || event.metaKey) return;
    const all = boxes(group);
    const at = all.indexOf(box);
    let next = null;
    if (event.key === "ArrowDown" || event.key === "ArrowRight") {
      next = all[Math.min(at + 1, all.length - 1)];
    } else if (event.key === "ArrowUp" || event.key === "ArrowLeft") {
      next = all[Math.max(at - 1, 0)];
    } else if (event.key.length === 1 && event.key !== " ") {
      typed += event.key.toLowerCase();
      clearTimeout(timer);
      timer = setTimeout(function () { typed = ""; }, 1000);
      // Search from the current box for a longer prefix, from the next one for a repeated letter.
      const start = typed.length > 1 ? at : at + 1;
      const order = all.slice(start).concat(all.slice(0, start));
      next = order.find(function (b) { return labelOf(b).startsWith(typed); });
      if (next && !next.checked) {
        next.checked = true;
        next.dispatchEvent(new Event("change", { bubbles: true }));
      }
    } else {
      return;
    }
    event.preventDefault();
    if (next) {
      rove(group, next);
      next.focus();
    }
  });
})();
