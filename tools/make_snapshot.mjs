// Make the calculator's Pyodide memory snapshot: a clean interpreter with the calculator
// package imported, saved so the page can restore it instead of starting Python (issue 4).
// Usage: node tools/make_snapshot.mjs WHEEL OUT_FILE   (OUT_FILE is gzip-compressed)
// The snapshot holds everything in the interpreter's memory and ships to every user, so it is
// taken with a fixed, minimal environment: nothing of this machine's (paths, LANG, HOME) in it.
import { readFileSync, writeFileSync } from "node:fs";
import { constants, gzipSync } from "node:zlib";
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
zeroFreeMemory(pyodide._module);
const bytes = pyodide.makeMemorySnapshot();
// Compressed here rather than left to the web server, which may send a binary file as it is
// (31 MB on a first visit). The worker inflates it.
const packed = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
writeFileSync(out, packed);
console.log(`snapshot: ${(bytes.length / 1e6).toFixed(1)} MB, ${(packed.length / 1e6).toFixed(2)} MB gzip, Pyodide ${pyodide.version}`);

// Freed heap blocks still hold old data, which ships and compresses badly: allocate every free
// block without growing the heap (a footprint limit makes malloc fail instead), zero it, free it.
function zeroFreeMemory(M) {
  const blocks = [];
  M._malloc_set_footprint_limit(M._malloc_footprint());
  for (let size = 1 << 24; size >= 16; size >>>= 1) {
    for (let block = M._malloc(size); block; block = M._malloc(size)) {
      M.HEAPU8.fill(0, block, block + size);
      blocks.push(block);
    }
  }
  blocks.forEach((block) => M._free(block));
  M._malloc_set_footprint_limit(-1); // (size_t)-1: no limit again
}
