// The Web Worker that owns Python: loads the self-hosted Pyodide runtime with the calculator
// package, then answers {type: "compute", id, entries} with {type: "result", id, data}.
// Messages out: progress {step, text}, ready {reference, start}, result {id, data}, failed {message}.
//
// Fast start: restore the build's memory snapshot (Python already started, the package already
// imported). Whenever that cannot work (no snapshot, another runtime build, a corrupt or slow
// file, a module the snapshot lacks), start Python the normal way instead.
const runtime = import("../pyodide/pyodide.mjs"); // loads while the manifest is fetched
const here = new URL(".", import.meta.url);
const indexURL = new URL("../pyodide/", here).href;
const FAST_START_TIMEOUT_MS = 8000;
let bridge = null;
let mode = "";
let manifest = null;

function progress(step, text) {
  postMessage({ type: "progress", step, text });
}

async function fetchOk(url, what, signal) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${what} could not be downloaded (HTTP ${response.status}).`);
  return response;
}

function quiet() {
  return { indexURL, stdout: () => {}, stderr: () => {} };
}

// The snapshot is stored gzip-compressed and inflated as it arrives. A server that sent it with
// Content-Encoding: gzip has had the browser inflate it already: then it is used as it is.
async function inflate(response) {
  const reader = response.body.getReader();
  const first = await reader.read();
  const head = first.value || new Uint8Array();
  const body = new ReadableStream({
    start(controller) { if (!first.done) controller.enqueue(head); },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close(); else controller.enqueue(value);
    },
  });
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  return new Uint8Array(await new Response(gzip ? body.pipeThrough(new DecompressionStream("gzip")) : body).arrayBuffer());
}

async function fastStart(signal) {
  if (!manifest.snapshot) throw new Error("this build has no snapshot");
  const snapshot = fetchOk(new URL(manifest.snapshot, here), "The start-up snapshot", signal).then(inflate);
  const { loadPyodide } = await runtime;
  const pyodide = await loadPyodide({ ...quiet(), _loadSnapshot: snapshot, stdLibURL: new URL(manifest.stdlib, here).href });
  return pyodide.pyimport("calculator.bridge");
}

async function normalStart() {
  const { loadPyodide } = await runtime;
  const pyodide = await loadPyodide(quiet());
  progress(2, "Loading the calculator package…");
  const bytes = await (await fetchOk(new URL(manifest.wheel, here), "The calculator package")).arrayBuffer();
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(new Uint8Array(bytes), "wheel", { extractDir: sitePackages });
  progress(3, "Starting the calculator…");
  return pyodide.pyimport("calculator.bridge");
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), ms))]);
}

async function start() {
  progress(1, "Downloading the Python runtime…");
  manifest = await (await fetchOk(new URL("manifest.json", here), "The calculator's manifest")).json();
  await runtime; // a runtime that cannot load fails here, with its own message
  const giveUp = new AbortController();
  try {
    bridge = await withTimeout(fastStart(giveUp.signal), FAST_START_TIMEOUT_MS);
    mode = "snapshot";
  } catch (error) {
    giveUp.abort(); // a slow snapshot download must not take bandwidth from the normal start
    progress(1, "Starting Python…");
    bridge = await normalStart();
    mode = "normal";
  }
  postMessage({ type: "ready", start: mode, reference: JSON.parse(bridge.reference_json()) });
  if (mode === "snapshot") warmUp(40);
}

// A restored interpreter has run almost no code, so the browser has not yet optimised the hot
// parts of Python's WebAssembly: a few calculations in idle time, between the user's own, do it.
const WARM_UP = [[["97110", "33"], ["97140", "7"], ["97161", "20"]], [["97112", "20"], ["97110", "20"]],
  [["97545", "151"], ["97129", "40"], ["97116", "x"]]];
function warmUp(left) {
  if (left <= 0 || !bridge) return;
  try { compute(WARM_UP[left % WARM_UP.length]); } catch { return; }
  setTimeout(() => warmUp(left - 1), 0);
}

function compute(entries) {
  return JSON.parse(bridge.compute_json(JSON.stringify(entries)));
}

onmessage = async (event) => {
  const { type, id, entries } = event.data || {};
  if (type !== "compute" || !bridge) return;
  try {
    postMessage({ type: "result", id, data: compute(entries) });
  } catch (error) {
    if (mode === "snapshot") { // something the snapshot lacks: start normally and answer again
      try {
        mode = "normal";
        bridge = await normalStart();
        postMessage({ type: "result", id, data: compute(entries) });
        return;
      } catch (again) {
        error = again;
      }
    }
    postMessage({ type: "failed", message: `The calculator stopped: ${error.message}` });
  }
};

start().catch((error) => {
  postMessage({ type: "failed", message: `The calculator could not start: ${error.message}` });
});
