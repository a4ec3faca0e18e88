// Make the calculator's Pyodide memory snapshot: a clean interpreter with the calculator
// package imported, saved so the page can restore it instead of starting Python (issue 4).
// Usage: node tools/make_snapshot.mjs WHEEL OUT_FILE
// The snapshot holds everything in the interpreter's memory and ships to every user, so it is
// taken with a fixed, minimal environment: nothing of this machine's (paths, LANG, HOME) in it.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheel, out] = process.argv.slice(2);
// Emscripten copies process.env and process.argv into the interpreter's memory: hide both.
for (const key of Object.keys(process.env)) delete process.env[key];
process.argv = ["python", "-"];
const pyodide = await loadPyodide({
  _makeSnapshot: true,
  env: { HOME: "/home/pyodide" },
  stdout: () => {},
  stderr: () => {},
});
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
pyodide.runPython(`
import gc
import calculator.bridge
# Exercise every path once, so nothing is left to import after the restore.
for entries in ('[["97110", "33"], ["97140", "x"], ["97545", "151"], ["97129", "40"], ["97161", "20"]]',
                '[["9711", "5"], ["97130", "3"], ["97110", "-1"], ["97112", "1.5"], ["97116", "99999999999"]]',
                '[["97110", "7"], ["97112", "7"], ["97140", "7"], ["97763", "20"], ["97760", "20"]]',
                '[["' + "x" * 300 + '", ""], ["", "4"], ["97110", 5], ["97110", 6]]', "{", "[]"):
    calculator.bridge.compute_json(entries)
calculator.bridge.reference_json()
gc.collect()
`);
for (const name of Object.keys(pyodide.loadedPackages)) delete pyodide.loadedPackages[name];
const bytes = pyodide.makeMemorySnapshot();
writeFileSync(out, bytes);
console.log(`snapshot: ${(bytes.length / 1e6).toFixed(1)} MB, Pyodide ${pyodide.version}`);
