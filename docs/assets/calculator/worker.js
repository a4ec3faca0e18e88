// The Web Worker that owns Python: loads the self-hosted Pyodide runtime and the calculator
// wheel, then answers {type: "compute", id, entries} with {type: "result", id, data}.
// Messages out: progress {step, text}, ready {reference}, result {id, data}, failed {message}.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const here = new URL(".", import.meta.url);
let bridge = null;

function progress(step, text) {
  postMessage({ type: "progress", step, text });
}

async function fetchOk(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what} could not be downloaded (HTTP ${response.status}).`);
  return response;
}

async function start() {
  progress(1, "Downloading the Python runtime…");
  const manifest = fetchOk(new URL("manifest.json", here), "The calculator's manifest").then((r) => r.json());
  const pyodide = await loadPyodide({
    indexURL: new URL("../pyodide/", here).href,
    stdout: () => {},
    stderr: () => {},
  });
  progress(2, "Loading the calculator package…");
  const { wheel } = await manifest;
  const bytes = await (await fetchOk(new URL(wheel, here), "The calculator package")).arrayBuffer();
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(new Uint8Array(bytes), "wheel", { extractDir: sitePackages });
  progress(3, "Starting the calculator…");
  bridge = pyodide.pyimport("calculator.bridge");
  postMessage({ type: "ready", reference: JSON.parse(bridge.reference_json()) });
}

onmessage = (event) => {
  const { type, id, entries } = event.data || {};
  if (type !== "compute" || !bridge) return;
  try {
    postMessage({ type: "result", id, data: JSON.parse(bridge.compute_json(JSON.stringify(entries))) });
  } catch (error) {
    postMessage({ type: "failed", message: `The calculator stopped: ${error.message}` });
  }
};

start().catch((error) => {
  postMessage({ type: "failed", message: `The calculator could not start: ${error.message}` });
});
