// The conversation log's service worker (contacts/log.py renders it): keeps the log page and its static
// files, so that the page opens without a connection. The page itself: network first (always the newest
// when online), the copy kept when offline; only a copy the server marks as fit to keep (KEEP: without a
// confirmation line or errors). Static files: kept first (their names carry a hash).
// Nothing else is touched: the API's requests go to the network as always (the page keeps its queue).
"use strict";
const PAGE = {{ page|safe }};
const FILES = {{ files|safe }};
const CACHE = "conversation-log-" + {{ version|safe }};
const KEEP = {{ keep_header|safe }};

function fitToKeep(response) {
  return response.ok && !response.redirected && response.headers.get(KEEP) === "1";
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(FILES).then(function () {
        return fetch(PAGE, { credentials: "same-origin" });
      }).then(function (response) {
        if (fitToKeep(response)) return cache.put(PAGE, response);
      });
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.startsWith("conversation-log-") && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === PAGE) {
    event.respondWith(
      fetch(request).then(function (response) {
        if (fitToKeep(response)) {
          const copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(PAGE, copy); });
        }
        return response;
      }).catch(function () {
        return caches.match(PAGE, { cacheName: CACHE }).then(function (kept) {
          return kept || Response.error();
        });
      })
    );
  } else if (FILES.indexOf(url.pathname) !== -1) {
    event.respondWith(
      caches.match(request, { cacheName: CACHE }).then(function (kept) {
        return kept || fetch(request);
      })
    );
  }
});
