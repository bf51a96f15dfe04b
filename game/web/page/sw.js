// The page's service worker: Pyodide's runtime (pyodide/, 12 MB, pinned by the build) is
// kept in the browser's Cache Storage after the first visit, so a later visit starts it
// without the network, and Chromium reuses the WebAssembly it compiled from that copy
// (its code cache) instead of compiling 8.6 MB again. The build writes the runtime's
// fingerprint into RUNTIME below: a site with another runtime gets a cache of its own,
// and old caches are dropped. Only pyodide/ is served from here; the game, the page and
// the font come from the site as always (a rebuilt game is never shown stale).
"use strict";

const RUNTIME = "async-burgers-runtime-@FINGERPRINT@";
const FILES = @FILES@;
const scope = new URL("./", self.location.href);
const runtime = new URL("pyodide/", scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(RUNTIME)
    .then((cache) => cache.addAll(FILES.map((name) => new URL(name, scope).href)))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith("async-burgers-runtime-") && name !== RUNTIME)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(runtime)) return;  // the network's
  event.respondWith(caches.open(RUNTIME).then((cache) => cache.match(request.url).then(
    (found) => found || fetch(request).then((response) => {
      if (response.ok) cache.put(request.url, response.clone());
      return response;
    }))));
});
