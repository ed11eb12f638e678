// Suggestions from a text's own words (themes, life stages; for parents: library items and services).
// Progressive enhancement only: without this file the answer page's suggestion buttons post to their
// own URLs, and the other pages simply show no suggestions while typing.
//
// - Buttons with data-accept="theme" | "life_stage" (the answer page, rendered by the server) choose
//   their term in their own form in place, instead of posting.
// - A textarea with data-suggest-themes (the registration note, a trajectory's request): after typing
//   stops, its text goes to the suggestions API and the suggested themes appear as buttons in a live
//   region under the field; a click chooses the theme in the same form.
// - An element with data-suggest-items="<url>" in a form (the public ask page): after typing stops in
//   the form's `text`, the URL answers an HTML block of library items and services that may already help.
//
// A theme is chosen as on paper: as the main theme when the form has none yet, else as one of the other
// themes. The texts come from this script's own tag (data-*), translated by the page.
"use strict";

(function () {
  const script = document.currentScript;
  const strings = (script && script.dataset) || {};
  const API = strings.api || "/api/v1/suggestions";
  const PAUSE_MS = 400;
  const MIN_WORDS = 4;

  function fill(text, term) {
    return (text || "{term}").replace("{term}", term);
  }

  function words(text) {
    return text.trim().split(/\s+/).filter(Boolean).length;
  }

  function boxFor(form, name, code) {
    return Array.from(form.querySelectorAll('input[type="checkbox"][name="' + name + '"]')).find(
      function (box) { return box.value === code; }
    );
  }

  // A field changed by a suggestion: in sight (a closed <details> around it opens) and announced to the
  // page's other scripts.
  function changed(field) {
    const details = field.closest("details");
    if (details && !details.open && field.checked) details.open = true;
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // Where `code` of `kind` stands in the form now: "main", "other", "life_stage", or "" (not chosen).
  function chosenAs(form, kind, code) {
    if (kind === "life_stage") {
      const box = boxFor(form, "life_stages", code);
      return box && box.checked ? "life_stage" : "";
    }
    const main = form.elements.namedItem("main_theme");
    if (main && main.value === code) return "main";
    const box = boxFor(form, "themes", code);
    return box && box.checked ? "other" : "";
  }

  // Choose `code` in the form; returns how it is chosen now, or null when the form has no place for it.
  function choose(form, kind, code) {
    const already = chosenAs(form, kind, code);
    if (already) return already;
    if (kind === "life_stage") {
      const box = boxFor(form, "life_stages", code);
      if (!box) return null;
      box.checked = true;
      changed(box);
      return "life_stage";
    }
    const main = form.elements.namedItem("main_theme");
    const offered = main && Array.from(main.options || []).some(function (o) { return o.value === code; });
    if (offered && !main.value) {
      main.value = code;
      changed(main);
      const box = boxFor(form, "themes", code); // the main theme is not one of the others as well
      if (box && box.checked) { box.checked = false; changed(box); }
      return "main";
    }
    const box = boxFor(form, "themes", code);
    if (!box) return null;
    box.checked = true;
    changed(box);
    return "other";
  }

  function mark(button, chosen) {
    button.setAttribute("aria-pressed", chosen ? "true" : "false");
    button.classList.toggle("button--secondary", !chosen);
    const check = button.querySelector("[data-check]");
    if (check) check.textContent = chosen ? "✓ " : "";
  }

  function announce(status, how, label) {
    if (!status) return;
    const text = { main: strings.main, other: strings.other, life_stage: strings.lifeStage }[how];
    status.textContent = fill(text, label);
  }

  // A click on a suggestion: chosen in place (the page's own buttons would post without this script).
  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("button[data-accept]");
    if (!button || !button.form) return;
    const how = choose(button.form, button.dataset.accept, button.value);
    if (!how) return; // no field for it here: let the button post
    event.preventDefault();
    mark(button, true);
    const box = button.closest("[data-suggest-accept]");
    announce(box && box.querySelector("[data-suggest-status]"), how, button.dataset.label);
  });

  // After the suggestions came back, the buttons show what the form has chosen meanwhile (by hand too).
  document.addEventListener("change", function (event) {
    const form = event.target.form;
    if (!form) return;
    form.querySelectorAll("button[data-accept]").forEach(function (button) {
      mark(button, Boolean(chosenAs(form, button.dataset.accept, button.value)));
    });
  });

  function csrfToken(form) {
    const input = form && form.elements.namedItem("csrfmiddlewaretoken");
    return input ? input.value : "";
  }

  // Run `fetchFor(text)` once typing in `field` stops, for a text of enough words; `show` gets its
  // answer (only the last one asked: an earlier answer arriving late is dropped), or null for a text
  // too short.
  function whenTypingStops(field, fetchFor, show) {
    let timer = null;
    let asked = 0;
    let lastText = null;
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        const text = field.value.trim();
        if (text === lastText) return;
        lastText = text;
        const number = ++asked;
        if (words(text) < MIN_WORDS) { show(null); return; }
        fetchFor(text)
          .then(function (answer) { if (number === asked) show(answer); })
          .catch(function () { /* offline, over the limit …: what is shown stays */ });
      }, PAUSE_MS);
    });
  }

  // -- Staff: themes for a free text (the registration note, a trajectory's request) ---------------------

  function organisation() {
    const match = window.location.pathname.match(/^\/o\/([^/]+)\//);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function regionAfter(field) {
    let anchor = field.closest(".field") || field;
    const parent = anchor.parentElement;
    if (parent && /(^|\s)grid-\d(\s|$)/.test(parent.className)) anchor = parent; // not a cell of the grid
    const region = document.createElement("div");
    region.className = "suggest-themes";
    region.setAttribute("aria-live", "polite");
    region.setAttribute("data-suggest-accept", "");
    anchor.after(region);
    return region;
  }

  function renderThemes(region, form, themes) {
    region.replaceChildren();
    if (!themes || !themes.length) return;
    const heading = document.createElement("p");
    heading.className = "hint";
    heading.textContent = strings.heading || "";
    const list = document.createElement("ul");
    list.className = "tags";
    themes.forEach(function (theme) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button--small button--secondary";
      button.value = theme.code;
      button.dataset.accept = "theme";
      button.dataset.label = theme.label;
      const check = document.createElement("span");
      check.setAttribute("aria-hidden", "true");
      check.dataset.check = "";
      button.append(check, theme.label);
      item.append(button);
      if (theme.because && theme.because.length) {
        const because = document.createElement("span");
        because.className = "muted";
        because.textContent = " " + (strings.because || "") + " " + theme.because.join(", ");
        item.append(because);
      }
      mark(button, Boolean(chosenAs(form, "theme", theme.code)));
      list.append(item);
    });
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.dataset.suggestStatus = "";
    region.append(heading, list, status);
  }

  document.querySelectorAll("textarea[data-suggest-themes]").forEach(function (field) {
    const form = field.form;
    const slug = organisation();
    if (!form || !slug || !window.fetch) return;
    const region = regionAfter(field);
    let shown = "";
    whenTypingStops(
      field,
      function (text) {
        return fetch(API, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(form) },
          body: JSON.stringify({ text: text, organisation: slug }),
        }).then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        });
      },
      function (answer) {
        const themes = (answer && answer.themes) || [];
        const key = JSON.stringify(themes.map(function (t) { return [t.code, t.because]; }));
        if (key === shown) return; // the same suggestions: nothing new to announce
        shown = key;
        renderThemes(region, form, themes);
      }
    );
  });

  // -- Parents: what may already help, while they type their question --------------------------------------

  document.querySelectorAll("[data-suggest-items]").forEach(function (region) {
    const form = region.closest("form");
    const field = form && form.elements.namedItem("text");
    if (!field || !window.fetch) return;
    let shown = region.innerHTML;
    whenTypingStops(
      field,
      function (text) {
        const body = new URLSearchParams({ text: text, csrfmiddlewaretoken: csrfToken(form) });
        return fetch(region.dataset.suggestItems, {
          method: "POST",
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrfToken(form) },
          body: body,
        }).then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        });
      },
      function (html) {
        const fresh = (html || "").trim();
        if (fresh === shown) return;
        shown = fresh;
        region.innerHTML = fresh; // our own page's fragment, escaped by its template
      }
    );
  });
})();
