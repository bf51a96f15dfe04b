// The page around the game: starts Pyodide from this folder, unpacks the game into its
// file system, hands the game the page's input, sound and storage (``pgpage``, which the
// browser pygame in game/web/shim/pygame calls), and runs the game's own main loop.
// Nothing here fetches from another host: every file is next to index.html.
"use strict";

const params = new URLSearchParams(location.search);
const state = { ready: false, frames: 0, error: null, started: performance.now(), firstFrameMs: null,
  frameTimes: [], loaded: {}, runtimeKept: false, snapshotKept: false, fromSnapshot: false };
globalThis.asyncBurgers = state;

const screenEl = document.getElementById("screen");
const statusEl = document.getElementById("status");
const noteEl = document.getElementById("note");
if (params.get("embed") === "1") document.body.classList.add("embed");

function status(text) { if (statusEl) statusEl.textContent = text; }
function note(text, seconds = 4) {
  if (!noteEl) return;
  noteEl.textContent = text;
  noteEl.hidden = false;
  clearTimeout(note.timer);
  note.timer = setTimeout(() => { noteEl.hidden = true; }, seconds * 1000);
}
function fail(error) {
  const text = String(error && error.message ? error.message : error);
  state.error = text;
  status("The game stopped: " + text.split("\n").slice(-2).join(" "));
  document.body.classList.add("failed");
  console.error(text);
}

// -- input: DOM events queued as small lists for pygame.event.get ---------------------------
const queue = [];
const bits = (e) => (e.shiftKey ? 1 : 0) | (e.ctrlKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
const PAGE_KEYS = new Set(["F11", "F9"]);  // the page does these itself (see below)
const KEEP_DEFAULT = new Set(["F5", "F12"]);

function canvasPos(e) {
  // the canvas is scaled to fit (object-fit: contain): map back to its own pixels
  const r = screenEl.getBoundingClientRect();
  const scale = Math.min(r.width / screenEl.width, r.height / screenEl.height);
  const w = screenEl.width * scale, h = screenEl.height * scale;
  const x = (e.clientX - r.left - (r.width - w) / 2) / scale;
  const y = (e.clientY - r.top - (r.height - h) / 2) / scale;
  return [Math.max(0, Math.min(screenEl.width - 1, Math.floor(x))),
          Math.max(0, Math.min(screenEl.height - 1, Math.floor(y))),
          x >= 0 && y >= 0 && x < screenEl.width && y < screenEl.height];
}

window.addEventListener("keydown", (e) => {
  unlockAudio();
  if (e.code === "F11") { e.preventDefault(); toggleFullscreen(); return; }
  if (e.code === "F9") { e.preventDefault(); if (!e.repeat) toggleRecording(); return; }
  if (e.code === "KeyC" && (e.ctrlKey || e.metaKey)) return;  // the browser's copy
  // a key that types goes on to the text field (its character comes as TEXTINPUT, below)
  const types = e.key.length === 1 && !e.ctrlKey && !e.metaKey && e.target === typingEl;
  if (!KEEP_DEFAULT.has(e.code) && !types) e.preventDefault();
  if (e.repeat) return;  // pygame sends no repeats unless asked; the game repeats held keys
  queue.push(["kd", e.code, e.key, bits(e)]);
});
window.addEventListener("keyup", (e) => {
  if (PAGE_KEYS.has(e.code)) return;
  queue.push(["ku", e.code, e.key, bits(e)]);
});
window.addEventListener("blur", () => queue.push(["blur"]));
// typed text (pygame's TEXTINPUT) from a hidden text field that holds the keyboard's focus:
// the browser's own layout, dead keys and input methods make the characters ("é", "ñ")
const typingEl = document.getElementById("typing");
typingEl.addEventListener("input", (e) => {
  if (!e.isComposing && e.data) queue.push(["text", e.data]);
  if (!e.isComposing) typingEl.value = "";
});
typingEl.addEventListener("compositionupdate", (e) => queue.push(["editing", e.data || ""]));
typingEl.addEventListener("compositionend", (e) => {
  if (e.data) queue.push(["text", e.data]);
  typingEl.value = "";
});
typingEl.focus();
let last = null;
screenEl.addEventListener("pointerdown", (e) => {
  unlockAudio();
  e.preventDefault();  // the keyboard's focus stays on the text field
  typingEl.focus();
  const [x, y, inside] = canvasPos(e);
  if (inside) queue.push(["md", x, y, e.button + 1]);
});
window.addEventListener("pointerup", (e) => {
  const [x, y] = canvasPos(e);
  queue.push(["mu", x, y, e.button + 1]);
});
screenEl.addEventListener("pointermove", (e) => {
  const [x, y] = canvasPos(e);
  const [dx, dy] = last ? [x - last[0], y - last[1]] : [0, 0];
  last = [x, y];
  queue.push(["mm", x, y, dx, dy]);
});
screenEl.addEventListener("wheel", (e) => {
  e.preventDefault();
  queue.push(["wheel", Math.sign(e.deltaX), -Math.sign(e.deltaY)]);
}, { passive: false });
screenEl.addEventListener("contextmenu", (e) => e.preventDefault());

// -- fullscreen (F11) and recording (F9): browsers allow them only inside the key's handler --
function toggleFullscreen() {
  const box = document.getElementById("stage");
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  else if (box.requestFullscreen) {
    box.requestFullscreen().catch((err) => note("Fullscreen was refused by the browser: " + err.message));
  } else note("This browser has no fullscreen for pages.");
}

let recorder = null;
function toggleRecording() {
  if (recorder) { recorder.stop(); return; }
  if (!screenEl.captureStream || typeof MediaRecorder === "undefined") {
    note("F9: this browser cannot record a canvas; on the desktop: async-burgers --record clip.gif");
    return;
  }
  const chunks = [];
  const type = ["video/webm;codecs=vp9", "video/webm"].find((t) => MediaRecorder.isTypeSupported(t));
  recorder = new MediaRecorder(screenEl.captureStream(30), type ? { mimeType: type } : {});
  recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
  recorder.onstop = () => {
    recorder = null;
    document.body.classList.remove("recording");
    const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
    saveBlob(new Blob(chunks, { type: "video/webm" }), `async-burgers-${stamp}.webm`);
    note("Recording saved as a video download (F9)");
  };
  recorder.start(1000);
  document.body.classList.add("recording");
  note("Recording what is on screen: F9 again stops and downloads it");
}

function saveBlob(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// -- sound: Web Audio, resumed at the first click or key (the browsers' rule) ---------------
let audio = null;
const sounds = new Map();   // id -> AudioBuffer (decoding is asynchronous)
const channels = new Map(); // id -> {gain, source, volume}
function audioContext() {
  if (!audio && (globalThis.AudioContext || globalThis.webkitAudioContext)) {
    audio = new (globalThis.AudioContext || globalThis.webkitAudioContext)();
  }
  return audio;
}
function unlockAudio() {
  const ctx = audioContext();
  if (ctx && ctx.state === "suspended") ctx.resume().catch(() => {});
}
function channel(id) {
  let ch = channels.get(id);
  if (!ch) {
    const ctx = audioContext();
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    ch = { gain, source: null, volume: 1, level: ctx.createGain() };
    ch.level.connect(gain);
    channels.set(id, ch);
  }
  return ch;
}
function stopChannel(ch) {
  if (ch.source) {
    try { ch.source.stop(); } catch (_) { /* already ended */ }
    ch.source = null;
  }
}

// -- storage: the game's data folder lives in IndexedDB between visits ----------------------
const DATA = "/home/pyodide/.local/share/async-burgers";
let dirty = false;
function persist() {
  if (!pyodide || !dirty) return;
  dirty = false;
  pyodide.FS.syncfs(false, (err) => { if (err) console.warn("saving the score failed", err); });
}

// -- the runtime kept in the browser (sw.js) for the next visit ---------------------------
// (browsers allow service workers on https and on this machine's own addresses only; elsewhere
// the page simply loads the runtime from the site each time)
function keepRuntime() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register("sw.js").then(() => navigator.serviceWorker.ready)
    .then(() => { state.runtimeKept = true; })
    .catch((err) => console.warn("the runtime is not kept for the next visit:", err.message));
}

// -- what the browser pygame calls ----------------------------------------------------------
const images = new Map();
let pyodide = null;
let nextFrame = [];
globalThis.pgpage = {
  screen(w, h) { return pgcanvas.onCanvas(screenEl, w, h); },
  presented() {
    state.frames += 1;
    if (state.frames === 1) {
      state.firstFrameMs = performance.now();  // since the page was asked for
      state.loaded.start = Math.round(state.firstFrameMs - state.starting);  // the game's own
      state.ready = true;
      document.body.classList.add("running");
      status("");
      setTimeout(keepRuntime, 1000);  // once the game runs: it must not wait for these
      setTimeout(keepStart, 3000);
    }
    dirty = true;
  },
  nextFrame(callback) {
    nextFrame.push(callback);
    if (nextFrame.length === 1) {
      requestAnimationFrame((t) => {
        const due = nextFrame;
        nextFrame = [];
        const start = performance.now();
        for (const f of due) f(t);
        const times = state.frameTimes;
        times.push(performance.now() - start);
        if (times.length > 4000) times.splice(0, 2000);
      });
    }
  },
  drain() { return queue.splice(0, queue.length); },
  textRect(x, y, w, h) {  // the text field at the editor's cursor (input methods open there)
    const r = screenEl.getBoundingClientRect(), box = screenEl.parentElement.getBoundingClientRect();
    const scale = Math.min(r.width / screenEl.width, r.height / screenEl.height);
    const left = r.left - box.left + (r.width - screenEl.width * scale) / 2;
    const top = r.top - box.top + (r.height - screenEl.height * scale) / 2;
    typingEl.style.left = `${left + x * scale}px`;
    typingEl.style.top = `${top + (y + h) * scale}px`;
  },
  image(path) { return images.get(path) || null; },
  download(name, bytes, type) {
    saveBlob(new Blob([bytes], { type }), name);
  },
  isFullscreen() { return !!document.fullscreenElement; },
  fullscreen(on) {
    if (on !== !!document.fullscreenElement) note("F11 makes the page fullscreen");
  },
  caption(title) { document.title = title; },
  title() { return document.title; },
  screenSize() { return [screen.width, screen.height]; },
  clipboard(text) {
    // a link of this page also becomes the address shown, so reloading keeps the moment
    if (text.startsWith(location.origin + location.pathname)) history.replaceState(null, "", text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(() => note("Copy it from the address bar: " + text, 8));
      return true;
    }
    return false;
  },
  audioAvailable() { return !!audioContext(); },
  audioLoad(id, bytes) {
    const ctx = audioContext();
    const copy = bytes.slice().buffer;
    ctx.decodeAudioData(copy).then((buffer) => sounds.set(id, buffer),
      (err) => console.warn("sound", id, "could not be decoded:", err));
  },
  audioLength(id) { const b = sounds.get(id); return b ? b.duration : 0; },
  audioPlay(chId, soundId, loops, fadeMs, volume) {
    const ctx = audioContext();
    const buffer = sounds.get(soundId);
    const ch = channel(chId);
    stopChannel(ch);
    if (!buffer || ctx.state !== "running") return;  // silent until the first click or key
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.loop = loops !== 0;
    source.connect(ch.level);
    ch.level.gain.setValueAtTime(fadeMs > 0 ? 0 : volume, ctx.currentTime);
    if (fadeMs > 0) ch.level.gain.linearRampToValueAtTime(volume, ctx.currentTime + fadeMs / 1000);
    source.onended = () => { if (ch.source === source) ch.source = null; };
    source.start();
    if (loops > 0) source.stop(ctx.currentTime + buffer.duration * (loops + 1));
    ch.source = source;
    ch.sound = soundId;
  },
  audioStop(chId) { const ch = channels.get(chId); if (ch) stopChannel(ch); },
  audioStopSound(soundId) {
    for (const ch of channels.values()) if (ch.sound === soundId) stopChannel(ch);
  },
  audioStopAll() { for (const ch of channels.values()) stopChannel(ch); },
  audioFadeout(chId, ms) {
    const ch = channels.get(chId);
    if (!ch || !ch.source) return;
    const ctx = audioContext();
    ch.level.gain.setValueAtTime(ch.level.gain.value, ctx.currentTime);
    ch.level.gain.linearRampToValueAtTime(0, ctx.currentTime + ms / 1000);
    const source = ch.source;
    source.stop(ctx.currentTime + ms / 1000);
  },
  audioBusy(chId) { const ch = channels.get(chId); return !!(ch && ch.source); },
  audioVolume(chId, v) {
    const ch = channel(chId);
    ch.volume = v;
    ch.gain.gain.value = v;
  },
  audioGetVolume(chId) { const ch = channels.get(chId); return ch ? ch.volume : 1; },
};

// -- start ----------------------------------------------------------------------------------
async function timed(name, promise) {
  const t0 = performance.now();
  const value = await promise;
  state.loaded[name] = Math.round(performance.now() - t0);
  return value;
}

async function decodeImages(FS, root) {
  const found = [];
  const walk = (dir) => {
    for (const name of FS.readdir(dir)) {
      if (name === "." || name === "..") continue;
      const path = dir + "/" + name;
      if (FS.isDir(FS.stat(path).mode)) walk(path);
      else if (name.endsWith(".png")) found.push(path);
    }
  };
  walk(root);
  await Promise.all(found.map(async (path) => {
    const blob = new Blob([FS.readFile(path)], { type: "image/png" });
    const bitmap = await createImageBitmap(blob, { premultiplyAlpha: "none", colorSpaceConversion: "none" });
    images.set(path, pgcanvas.fromBitmap(bitmap));
    bitmap.close();
  }));
}

// -- Python's memory after its start, kept in the browser for the next visit ----------------
// After the first visit's game is running, a worker (snapshot.js) starts a second Python
// beside it, imports the game there (nothing of it runs) and keeps a copy of that Python's
// memory in Cache Storage (about 25 MB, in the browser, not on the site). A later visit
// starts from that copy: no interpreter start, no imports (seconds saved). The copy is named
// by the build (BUILD: the runtime's and the game's fingerprint), so a rebuilt site makes a
// new one; a copy that does not fit this runtime is dropped and the page starts as usual.
const BUILD = "@BUILD@";
const SNAPSHOTS = "async-burgers-snapshot";
const SNAPSHOT = new URL("snapshot-" + BUILD, location.href).href;
const canKeep = () => typeof caches !== "undefined" && window.isSecureContext && typeof Worker !== "undefined";

async function readSnapshot() {
  if (!canKeep()) return null;
  try {
    const found = await (await caches.open(SNAPSHOTS)).match(SNAPSHOT);
    return found ? new Uint8Array(await found.arrayBuffer()) : null;
  } catch (err) {
    return null;
  }
}

function keepStart() {
  if (!canKeep() || state.fromSnapshot) return;
  const worker = new Worker("snapshot.js?" + new URLSearchParams({ build: BUILD }));
  worker.onmessage = (e) => {
    if (e.data === "kept") state.snapshotKept = true;
    else console.warn("Python's start is not kept for the next visit:", e.data);
    worker.terminate();
  };
}

async function startPython() {
  const options = { indexURL: new URL("pyodide/", location.href).href, stdout: console.log,
    stderr: (line) => console.warn(line) };
  const snapshot = await timed("snapshot", readSnapshot());
  if (snapshot) {
    try {
      const py = await loadPyodide({ ...options, _loadSnapshot: snapshot });
      state.fromSnapshot = true;
      return py;
    } catch (err) {  // another runtime's copy: drop it, start the usual way
      console.warn("the kept start does not fit this page (started afresh):", err.message);
      caches.delete(SNAPSHOTS).catch(() => {});
    }
  }
  return loadPyodide(options);
}

async function main() {
  status("Loading Python…");
  const [py, game] = await Promise.all([
    timed("python", startPython()),
    timed("game", fetch("game.zip").then((r) => {
      if (!r.ok) throw new Error("game.zip: " + r.status);
      return r.arrayBuffer();
    })),
    timed("font", document.fonts.load("16px AsyncBurgersSans")),
  ]);
  pyodide = py;
  status("Unpacking the game…");
  pyodide.unpackArchive(game, "zip", { extractDir: "/app" });
  await timed("images", decodeImages(pyodide.FS, "/app"));
  pyodide.runPython(`
import sys
for folder in ("/app/shim", "/app"):
    if folder not in sys.path:
        sys.path.insert(0, folder)
`);
  const FS = pyodide.FS;
  FS.mkdirTree(DATA);
  FS.mount(FS.filesystems.IDBFS, {}, DATA);
  await timed("storage", new Promise((resolve) => FS.syncfs(true, (err) => {
    if (err) console.warn("no saved score (storage refused):", err);
    resolve();
  })));
  setInterval(persist, 2000);
  addEventListener("pagehide", persist);
  document.addEventListener("visibilitychange", persist);
  status("Starting…");
  state.starting = performance.now();
  pyodide.globals.set("page_query", location.search);
  pyodide.globals.set("page_language", navigator.language || "en");
  await pyodide.runPythonAsync(`
from game.web.browser import start
await start(page_query, page_language)
`);
  if (state.error) fail(state.error);
}

main().catch(fail);
