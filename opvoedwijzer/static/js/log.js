// The conversation log (templates/contacts/log.html): progressive enhancement of a form that works
// without this file. With it, every conversation and every tally tap is first kept in this browser
// (IndexedDB), each with an id of its own (client_id), and then sent to POST /api/v1/contacts as the
// logged-in user: at once, when the connection comes back, when the page opens, and with "Send now". The
// server stores a client_id once, so an entry whose answer got lost is simply sent again. An entry leaves
// the queue only when the server has it (200/201); one it refuses (422) stays, with the reason, until
// the volunteer deletes it: nothing is lost unseen.
"use strict";
(function () {
  const root = document.getElementById("log");
  if (!root || !window.indexedDB || !window.fetch || !window.Promise) return;
  const strings = JSON.parse(document.getElementById("log-strings").textContent);
  const form = document.getElementById("log-form");
  const STORE = "entries";
  // One queue per organisation and person: on a shared phone, nobody sends someone else's conversations.
  const DB_NAME = "conversation-log-" + root.dataset.organisation + "-" + root.dataset.user;

  // --- A small IndexedDB wrapper: one store of entries, keyed by client_id. ---
  let opened = null;
  function database() {
    if (!opened) {
      opened = new Promise(function (resolve, reject) {
        const request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "client_id" }); };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return opened;
  }
  function inStore(mode, work) {
    return database().then(function (db) {
      return new Promise(function (resolve, reject) {
        const transaction = db.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { resolve(request.result); };
        transaction.onerror = function () { reject(transaction.error); };
        transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }
  const keep = function (entry) { return inStore("readwrite", function (s) { return s.put(entry); }); };
  const forget = function (id) { return inStore("readwrite", function (s) { return s.delete(id); }); };
  const waiting = function () {
    return inStore("readonly", function (s) { return s.getAll(); }).then(function (entries) {
      return entries.sort(function (a, b) { return a.created_at < b.created_at ? -1 : 1; });
    });
  };

  // --- Small helpers. ---
  function newId() {
    if (window.crypto && crypto.randomUUID && window.isSecureContext) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // variant
    const h = Array.from(b, function (x) { return x.toString(16).padStart(2, "0"); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }
  function today() {
    const d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function plural(forms, n) { return fill(n === 1 ? forms[0] : forms[1], { n: n }); }
  function csrfToken() {
    const cookie = document.cookie.split("; ").find(function (c) { return c.startsWith("csrftoken="); });
    if (cookie) return decodeURIComponent(cookie.slice("csrftoken=".length));
    const field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }
  function chosenText(select) {
    const option = select && select.options[select.selectedIndex];
    return option && option.value ? option.textContent.trim() : "";
  }
  function describe(entry) {
    return [entry.label.date, entry.label.theme, entry.label.where].filter(Boolean).join(" · ");
  }

  // --- The queue on the page. ---
  const queue = document.getElementById("log-queue");
  const count = document.getElementById("log-queue-count");
  const problem = document.getElementById("log-queue-problem");
  const list = document.getElementById("log-queue-list");
  const sendButton = document.getElementById("log-send");
  let mustLogIn = false;
  let lastNote = "";

  function render() {
    return waiting().then(function (entries) {
      queue.hidden = false;
      queue.dataset.waiting = String(entries.length);
      count.textContent = entries.length ? plural(strings.waiting, entries.length) : strings.all_sent;
      list.replaceChildren.apply(list, entries.map(function (entry) {
        const item = document.createElement("li");
        item.className = "log-queue__entry" + (entry.errors ? " log-queue__entry--refused" : "");
        item.append(describe(entry));
        if (entry.errors) {
          const why = document.createElement("p");
          why.className = "error-message";
          why.textContent = strings.refused + " " + entry.errors.join(" ");
          const correct = document.createElement("button");
          correct.type = "button";
          correct.className = "button button--small";
          correct.textContent = strings.correct;
          correct.setAttribute("aria-label", strings.correct + ": " + describe(entry));
          correct.addEventListener("click", function () { correctInForm(entry); });
          const remove = document.createElement("button");
          remove.type = "button";
          remove.className = "button button--secondary button--small";
          remove.textContent = strings.delete;
          remove.setAttribute("aria-label", strings.delete + ": " + describe(entry));
          remove.addEventListener("click", function () {
            forget(entry.client_id).then(function () {
              lastNote = fill(strings.deleted, { what: describe(entry) });
              return render();
            });
          });
          const actions = document.createElement("div");
          actions.className = "button-row";
          actions.append(correct, remove);
          item.append(why, actions);
        }
        return item;
      }));
      const toSend = entries.filter(function (e) { return !e.errors; }).length;
      problem.replaceChildren();
      if (mustLogIn && toSend) {
        problem.append(plural(strings.log_in, toSend) + " ");
        const link = document.createElement("a");
        link.href = root.dataset.login;
        link.textContent = strings.log_in_link;
        problem.append(link);
      } else if (lastNote) {
        problem.append(lastNote);
      }
      problem.hidden = !problem.childNodes.length;
      sendButton.hidden = !toSend;
    });
  }

  function errorsOf(response) {
    return response.json().then(function (body) {
      return (body.detail || []).map(function (e) {
        const field = Array.isArray(e.loc) ? e.loc[e.loc.length - 1] : "";
        return (strings.labels[field] || field) + ": " + e.msg;
      });
    }, function () { return [String(response.status)]; });
  }

  let sending = null;
  let again = false; // asked to send during a round (a new entry): one more round after it
  let sentNow = 0; // sent in these rounds, for the note
  function sendAll() {
    if (sending) {
      again = true;
      return sending;
    }
    if (navigator.onLine === false) { // known to be offline: wait for the "online" event
      lastNote = strings.offline;
      return render();
    }
    sentNow = 0;
    sending = round().then(function () {
      sending = null;
      return render();
    });
    return sending;
  }

  function round() {
    again = false;
    return waiting().then(function (entries) {
      return entries.filter(function (e) { return !e.errors; }).reduce(function (previous, entry) {
        return previous.then(function (go) { return go && sendOne(entry); });
      }, Promise.resolve(true));
    }).catch(function () { return false; }).then(function (goOn) {
      if (goOn && again) return round();
    });
  }

  // Send one entry; resolves true to go on with the next, false to stop (no connection, not logged in).
  function sendOne(entry) {
    const body = Object.assign({}, entry.payload, { organisation: root.dataset.organisation, client_id: entry.client_id });
    return fetch(root.dataset.api, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.status === 200 || response.status === 201) {
        mustLogIn = false;
        sentNow += 1;
        queue.dataset.sent = String(Number(queue.dataset.sent || 0) + 1); // since the page opened
        lastNote = plural(strings.sent, sentNow);
        return forget(entry.client_id).then(function () { return true; });
      }
      if (response.status === 401 || response.status === 403) {
        mustLogIn = true;
        return false;
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        return errorsOf(response).then(function (errors) {
          entry.errors = errors.length ? errors : [String(response.status)];
          return keep(entry).then(function () { return true; });
        });
      }
      return false; // the server is busy or down: try again later
    }, function () {
      lastNote = strings.offline;
      return false; // no connection: everything stays
    });
  }

  // The municipality of the last conversation is chosen again next time (a volunteer mostly works in
  // one neighbourhood): kept in this browser, per person.
  const WHERE_KEY = DB_NAME + "-municipality";
  function rememberWhere(code) { try { localStorage.setItem(WHERE_KEY, code); } catch (e) { /* private mode */ } }
  function chooseRememberedWhere(select) {
    let code = "";
    try { code = localStorage.getItem(WHERE_KEY) || ""; } catch (e) { return; }
    if (select && !select.value && code && select.querySelector("option[value='" + CSS.escape(code) + "']")) {
      select.value = code;
    }
  }

  function queueEntry(payload, label) {
    rememberWhere(payload.municipality);
    const entry = { client_id: newId(), payload: payload, created_at: new Date().toISOString(), label: label };
    // Resolves once the entry is kept on this phone: the form is free for the next conversation at once,
    // while sending goes on in the background (on a slow connection that can take seconds, and what the
    // volunteer types meanwhile must not be cleared when the answer comes).
    return keep(entry).then(function () {
      lastNote = "";
      render().then(sendAll).catch(function () { /* shown again at the next render */ });
      return entry;
    });
  }

  // --- The conversation form. ---
  const saved = document.getElementById("log-saved");
  const REQUIRED = ["date", "channel", "asker_role", "municipality", "main_theme", "offers", "request_kind", "duration"];

  function payloadOf() {
    const data = new FormData(form);
    const many = function (name) { return data.getAll(name).filter(Boolean); };
    const main = data.get("main_theme") || "";
    return {
      date: data.get("date") || "",
      channel: data.get("channel") || "",
      asker_role: data.get("asker_role") || "",
      municipality: data.get("municipality") || "",
      place: (data.get("place") || "").trim(),
      request_kind: data.get("request_kind") || "",
      life_stages: many("life_stages"),
      main_theme: main,
      themes: [main].concat(many("themes").filter(function (code) { return code !== main; })),
      offers: many("offers"),
      duration: data.get("duration") || "",
      language: data.get("language") || null,
      note: "",
    };
  }

  // A refused entry back in the form, to be corrected and then sent straight to the server (which
  // answers with the PII guard's choices: take the marked words out, or say why they are no personal data).
  function correctInForm(entry) {
    const p = entry.payload;
    const values = { date: p.date, channel: p.channel, duration: p.duration, request_kind: p.request_kind,
      municipality: p.municipality, place: p.place, asker_role: p.asker_role, main_theme: p.themes[0],
      language: p.language || "" };
    Object.keys(values).forEach(function (name) { if (form.elements[name]) form.elements[name].value = values[name]; });
    const lists = { life_stages: p.life_stages, offers: p.offers, themes: p.themes.slice(1) };
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = (lists[box.name] || []).indexOf(box.value) !== -1;
    });
    form.dataset.direct = "true";
    forget(entry.client_id).then(function () {
      lastNote = "";
      saved.textContent = strings.correcting;
      return render();
    }).then(function () { form.elements.place.focus(); });
  }

  form.addEventListener("submit", function (event) {
    if (event.submitter && event.submitter.name === "then") return; // referring: the server's own flow
    if (form.dataset.direct) return; // a corrected entry: straight to the server
    event.preventDefault();
    const payload = payloadOf();
    const missing = REQUIRED.filter(function (name) {
      const value = payload[name];
      return Array.isArray(value) ? !value.length : !value;
    });
    if (missing.length) {
      saved.textContent = fill(strings.missing, { fields: missing.map(function (n) { return strings.labels[n]; }).join(", ") });
      const first = form.querySelector("[name=" + missing[0] + "]");
      if (first) first.focus();
      return;
    }
    delete payload.main_theme;
    const label = {
      date: payload.date === today() ? "" : payload.date,
      theme: chosenText(form.elements.main_theme),
      where: [chosenText(form.elements.municipality), payload.place].filter(Boolean).join(", "),
    };
    queueEntry(payload, label).then(function (entry) {
      saved.textContent = fill(strings.saved, { what: describe(entry) });
      ["asker_role", "main_theme", "language"].forEach(function (name) { form.elements[name].value = ""; });
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
      form.elements.asker_role.focus();
    }, function () {
      saved.textContent = strings.no_storage;
      HTMLFormElement.prototype.submit.call(form);
    });
  });

  // Referring opens the social map: only with a connection.
  const referButton = form.querySelector("[data-online-only]");
  function showOnline() { if (referButton) referButton.hidden = !navigator.onLine; }

  // --- The outreach tally: one tap, one conversation with the tally's usual answers. ---
  const tally = document.getElementById("log-tally");
  if (tally) {
    const defaults = JSON.parse(tally.dataset.defaults);
    const municipality = document.getElementById("id_tally-municipality");
    const place = document.getElementById("id_tally-place");
    tally.hidden = false;
    tally.addEventListener("click", function (event) {
      const button = event.target.closest("button[data-theme]");
      if (!button) return;
      if (!municipality.value) {
        lastNote = fill(strings.missing, { fields: strings.labels.municipality });
        render();
        municipality.focus();
        return;
      }
      const payload = Object.assign({}, defaults, {
        date: today(),
        municipality: municipality.value,
        place: place.value.trim(),
        life_stages: [],
        themes: [button.dataset.theme],
        language: null,
        note: "",
      });
      const label = { date: "", theme: button.dataset.label, where: [chosenText(municipality), payload.place].filter(Boolean).join(", ") };
      const counter = document.getElementById("log-tally-count-" + button.dataset.theme);
      counter.textContent = String(Number(counter.textContent) + 1);
      queueEntry(payload, label).catch(function () { lastNote = strings.no_storage; render(); });
    });
  }

  // The PII guard's check while typing asks the server: not without a connection (the server checks
  // the place again when the entry is sent).
  root.addEventListener("htmx:beforeRequest", function (event) {
    if (navigator.onLine === false) event.preventDefault();
  });

  // --- When to send. ---
  sendButton.addEventListener("click", function () { lastNote = strings.sending; render().then(sendAll); });
  window.addEventListener("online", function () { showOnline(); sendAll(); });
  window.addEventListener("offline", showOnline);
  showOnline();
  chooseRememberedWhere(form.elements.municipality);
  chooseRememberedWhere(document.getElementById("id_tally-municipality"));
  render().then(sendAll);

  // --- Installable, and opens without a connection (a service worker needs https or localhost). ---
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register(root.dataset.sw, { scope: root.dataset.scope }).catch(function () {});
  }
})();
