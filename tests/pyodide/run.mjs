// Run the engine test suite inside the pinned Pyodide under Node: the proof that the package
// works in the browser's Python. Usage: node tests/pyodide/run.mjs WHEEL_DIR TESTS_DIR [pytest args]
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [wheelDir, testsDir, ...pytestArgs] = process.argv.slice(2);
if (!wheelDir || !testsDir) {
  console.error("usage: node tests/pyodide/run.mjs WHEEL_DIR TESTS_DIR [pytest args]");
  process.exit(2);
}
const started = performance.now();
const pyodide = await loadPyodide();
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const name of readdirSync(wheelDir).filter((n) => n.endsWith(".whl")).sort()) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(join(wheelDir, name))), "wheel", { extractDir: sitePackages });
}
pyodide.FS.mkdirTree("/work/tests");
pyodide.mountNodeFS("/work/tests", resolve(testsDir));
pyodide.FS.chdir("/work");
const args = pyodide.toPy(["-q", "-p", "no:cacheprovider", "tests", ...pytestArgs]);
const code = pyodide.runPython(`
import sys, pytest
print("Python", sys.version.split()[0], "on", sys.platform)
pytest.main
`)(args);
console.log(`Pyodide ${pyodide.version}: pytest exit ${code} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(Number(code));
