// A worker the page starts once its game runs (boot.js, keepStart): a second Python, started
// here with Pyodide's snapshot option, unpacks the game, imports what the game's start
// imports (nothing of the game runs: no surface, no sound, no storage) and keeps a copy of
// its memory in Cache Storage under this build's name. The page's next visit starts
// from that copy. The JavaScript objects the game's modules hold from their import
// (``js.pgcanvas``, ``js.pgpage``) are kept by name and found again in the page; here they
// are the real painter (pgcanvas.js runs in workers too) and a stand-in page.
"use strict";

const build = new URLSearchParams(self.location.search).get("build");
const SNAPSHOTS = "async-burgers-snapshot";
const IMPORTS = "game.web.browser, game.app.cli, game.app.start";  // what start() needs first

self.pgpage = {};  // the page's half (boot.js): only named at import, never called
importScripts("pgcanvas.js", "pyodide/pyodide.js");

async function keep() {
  const [py, game] = await Promise.all([
    loadPyodide({ indexURL: new URL("pyodide/", self.location.href).href, _makeSnapshot: true,
      stdout: () => {}, stderr: () => {} }),
    fetch("game.zip").then((r) => {
      if (!r.ok) throw new Error("game.zip: " + r.status);
      return r.arrayBuffer();
    }),
  ]);
  py.unpackArchive(game, "zip", { extractDir: "/app" });
  py.runPython(`
import sys
for folder in ("/app/shim", "/app"):
    if folder not in sys.path:
        sys.path.insert(0, folder)
import ${IMPORTS}
`);
  const bytes = py.makeMemorySnapshot();
  const cache = await caches.open(SNAPSHOTS);
  for (const old of await cache.keys()) await cache.delete(old);  // one build's copy at most
  await cache.put(new URL("snapshot-" + build, self.location.href).href,
    new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
}

keep().then(() => self.postMessage("kept"), (err) => self.postMessage(String(err && err.message || err)));
