// The calculator page: binds the server-rendered form to one Python worker per tab.
// Contract for tests and embedders: root [data-calculator] with data-state loading|ready|error;
// panels [data-method=cms|ama]; result lines [data-code][data-units]; [data-total-units];
// problems and load failures in the root's [role=alert]. Everything user-supplied is rendered
// with textContent, never as markup.

const LOAD_TIMEOUT_MS = 20000; // a cold load takes 2-6 s here; past this we say so (and recover if it ends)
const GUIDE_URL = "../medicare-8-minute-rule/#the-unit-bands"; // the unit tables work without Python
const MAX_ENTRIES = 200; // as calculator/bridge.py: more URL parameters are kept but not read

let worker = null;
let state = "loading";
let failure = "";
let reference = null;
let startMode = ""; // "snapshot" (the fast start) or "normal", as the worker reports it
let progressStep = 0;
let progressText = "Starting Python in your browser…";
let watchdog = 0;
let seq = 0;
let firstResult = false;
const pending = new Map(); // id -> root

function roots() {
  return [...document.querySelectorAll("[data-calculator]")];
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function startWorker() {
  state = "loading";
  failure = "";
  progressStep = 0;
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = onWorkerMessage;
  worker.onerror = (event) => {
    event.preventDefault?.();
    fail(`The calculator's worker failed${event.message ? `: ${event.message}` : ""}.`);
  };
  clearTimeout(watchdog);
  watchdog = setTimeout(() => {
    if (state === "loading") {
      state = "error"; // the worker keeps trying: if it gets there, the page becomes ready
      failure = `The calculator's Python runtime has not finished loading after ${LOAD_TIMEOUT_MS / 1000} seconds: a file may be missing or the connection slow.`;
      roots().forEach(showState);
    }
  }, LOAD_TIMEOUT_MS);
}

function fail(message) { // the worker is gone: only "Try again" starts another
  clearTimeout(watchdog);
  state = "error";
  failure = message;
  worker?.terminate();
  worker = null;
  pending.clear();
  roots().forEach(showState);
}

function onWorkerMessage(event) {
  const message = event.data || {};
  if (message.type === "progress") {
    progressStep = message.step;
    progressText = message.text;
    roots().forEach(showState);
  } else if (message.type === "ready") {
    clearTimeout(watchdog);
    state = "ready";
    reference = message.reference;
    startMode = message.start || "";
    roots().forEach((root) => {
      showState(root);
      recalc(root);
    });
  } else if (message.type === "result") {
    const root = pending.get(message.id);
    pending.delete(message.id);
    if (root && root.isConnected && Number(root.dataset.seq) === message.id) render(root, message.data);
  } else if (message.type === "failed") {
    fail(message.message);
  }
}

function showState(root) {
  root.dataset.state = state;
  const status = root.querySelector("[data-status]");
  const bar = root.querySelector("[data-progress]");
  const alert = root.querySelector("[data-alert]");
  if (state !== "error" && alert.querySelector('[data-action="retry"]')) alert.replaceChildren();
  if (state === "loading") {
    status.textContent = progressText;
    bar.value = progressStep;
    bar.hidden = false;
  } else if (state === "ready") {
    root.dataset.start = startMode;
    status.textContent = "Ready: results update as you type.";
    bar.hidden = true;
  } else {
    status.textContent = "The calculator is not available.";
    bar.hidden = true;
    const retry = el("button", { type: "button", class: "md-button", "data-action": "retry", text: "Try again" });
    retry.addEventListener("click", () => {
      worker?.terminate();
      startWorker();
      roots().forEach(showState);
    });
    alert.replaceChildren(
      el("p", { text: failure }),
      el("p", {}, "Your entries are kept. ", retry, " or read the ",
        el("a", { href: new URL(GUIDE_URL, location.href).href, text: "unit tables in the guidance" }),
        ", which work without it."),
    );
  }
}

function entries(root) {
  return [...root.querySelectorAll(".calc-form input[name]")]
    .filter((input) => input.value.trim() !== "")
    .map((input) => [input.name, input.value]);
}

function param([code, minutes]) {
  return `${encodeURIComponent(code)}=${encodeURIComponent(minutes)}`;
}

function writeUrl(root, list) {
  const params = list.map(param).concat(root.unread || []);
  const url = new URL(location.href);
  url.search = params.length ? `?${params.join("&")}` : "";
  if (url.href !== location.href) history.replaceState(history.state, "", url.href);
}

// Asks the worker for results (once it is ready) and keeps the entries in the address either way.
function recalc(root) {
  const list = entries(root);
  if (state === "ready") {
    const id = ++seq;
    root.dataset.seq = String(id);
    pending.set(id, root);
    worker.postMessage({ type: "compute", id, entries: list });
  }
  writeUrl(root, list); // after the request: the worker computes while the address is updated
}

function codeName(code) {
  return reference?.codes?.[code]?.name ?? "";
}

function citation(step) {
  const source = reference?.sources?.[step.source];
  const basis = step.basis === "interpretation" ? " (interpretation)" : "";
  return el("span", { class: "calc-source" }, el("span", { class: "calc-rule", text: step.rule }), " · Source: ",
    el("cite", { text: (source?.title ?? step.citation) + basis }));
}

function panelBody(result) {
  const body = [];
  body.push(el("p", { class: "calc-total" }, el("strong", { "data-total-units": result.total_units, text: String(result.total_units) }),
    result.total_units === 1 ? " unit" : " units",
    el("span", { class: "calc-minutes", text: ` · ${result.total_timed_minutes} timed minutes · ${result.total_treatment_minutes} total treatment minutes` })));
  const rows = result.lines.map((line) => el("tr", { "data-code": line.code, "data-units": line.units, class: line.units ? "" : "calc-unbilled" },
    el("th", { scope: "row" }, el("span", { class: "calc-code", text: line.code }), " ", el("span", { class: "calc-name", text: codeName(line.code) })),
    el("td", { text: String(line.minutes) }),
    el("td", { text: String(line.units) })));
  body.push(el("table", { class: "calc-lines" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Code" }), el("th", { scope: "col", text: "Minutes" }), el("th", { scope: "col", text: "Units" }))),
    el("tbody", {}, ...rows)));
  if (result.alternative_count > 1) {
    const items = result.alternatives.map((alternative, index) => el("li", { "data-alternative": index,
      text: Object.entries(alternative).filter(([, units]) => units).map(([code, units]) => `${code} × ${units}`).join(", ") + (index === 0 ? " (shown above)" : "") }));
    const more = result.alternative_count - result.alternatives.length;
    body.push(el("div", { class: "calc-alternatives", "data-alternatives": result.alternative_count },
      el("p", { text: `Leftover minutes tie: Medicare allows ${result.alternative_count} allocations and the clinician chooses one.` }),
      el("ol", {}, ...items), more > 0 ? el("p", { text: `…and ${more} more.` }) : null));
  }
  const next = result.next_unit.map((hint) => `${hint.minutes} more ${hint.minutes === 1 ? "minute" : "minutes"} on ${hint.applies_to}`);
  if (next.length) body.push(el("p", { class: "calc-next", "data-next-unit": true }, el("strong", { text: "Next unit: " }), next.join("; ")));
  if (result.warnings.length) {
    body.push(el("ul", { class: "calc-warnings", "aria-label": "Warnings" },
      ...result.warnings.map((warning) => el("li", {}, el("span", { text: warning.text }), " ", citation(warning)))));
  }
  body.push(el("details", { class: "calc-steps" }, el("summary", { text: "How this was worked out" }),
    el("ol", {}, ...result.explanation.map((step) => el("li", {}, el("span", { text: step.text }), " ", citation(step))))));
  const copy = el("button", { type: "button", class: "md-button", "data-action": "copy", text: "Copy" });
  const doc = el("pre", { class: "calc-documentation", "data-documentation": true, tabindex: 0, text: result.documentation });
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(result.documentation);
      copy.textContent = "Copied";
    } catch {
      getSelection().selectAllChildren(doc);
      copy.textContent = "Selected: press Ctrl+C";
    }
    setTimeout(() => { copy.textContent = "Copy"; }, 2000);
  });
  body.push(el("div", { class: "calc-doc" }, el("h3", { text: "For the treatment note" }), doc, copy));
  return body;
}

function render(root, data) {
  const problems = [...(data.problems || [])];
  if (root.unread?.length) {
    problems.push({ entry: "more", message: `${root.unread.length} more entries in the address were not read: the calculator reads at most ${MAX_ENTRIES}. They stay in the address.` });
  }
  const byEntry = new Map();
  for (const problem of problems) byEntry.set(problem.entry, [...(byEntry.get(problem.entry) || []), problem.message]);
  for (const input of root.querySelectorAll(".calc-form input[name]")) {
    const messages = byEntry.get(input.name);
    const error = input.closest(".calc-row")?.querySelector(".calc-field-error");
    if (messages) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (error) error.textContent = messages ? messages.join(" ") : "";
  }
  const alert = root.querySelector("[data-alert]");
  alert.replaceChildren(...(problems.length ? [
    el("p", { text: problems.length === 1 ? "One entry needs attention:" : `${problems.length} entries need attention:` }),
    el("ul", {}, ...problems.map((problem) => el("li", { text: problem.message }))),
  ] : []));
  for (const method of ["cms", "ama"]) {
    const body = root.querySelector(`[data-method="${method}"] .calc-panel-body`);
    const result = data[method];
    body.replaceChildren(...(result ? panelBody(result) : [el("p", { class: "calc-empty", text: "Enter minutes to see the units." })]));
  }
  const difference = root.querySelector("[data-difference]");
  difference.hidden = !data.difference;
  difference.textContent = data.difference || "";
  if (!firstResult && (data.cms || problems.length)) {
    firstResult = true;
    performance.mark("calculator:first-result");
  }
  performance.mark("calculator:recalc");
}

let extraRows = 0;

function addRow(root, code, label, group) {
  const fieldset = root.querySelector(`fieldset[data-group="${group}"]`) || root.querySelector("fieldset:last-of-type");
  const id = `m-extra-${++extraRows}`;
  const row = el("div", { class: "calc-row", "data-row": code },
    el("label", { for: id }, el("span", { class: "calc-code", text: code || "(no code)" }), " ", label),
    el("span", { class: "calc-input" },
      el("input", { id, name: code, type: "text", inputmode: "numeric", autocomplete: "off", spellcheck: "false", "aria-describedby": `e-${id}` }),
      el("span", { class: "calc-min", "aria-hidden": "true", text: "min" })),
    el("span", { id: `e-${id}`, class: "calc-field-error" }));
  fieldset.append(row);
  return row.querySelector("input");
}

function optionFor(root, code) {
  return [...root.querySelectorAll("#calc-add-code option")].find((option) => option.value === code);
}

function inputFor(root, name) {
  return [...root.querySelectorAll(".calc-form input[name]")].find((input) => input.name === name);
}

// An empty input for this code from the URL or the "Add" list: the code's own field when it is
// free, otherwise a new row (a code given twice keeps both values, and the engine says so).
function ensureInput(root, rawCode) {
  const code = rawCode.replace(/\s+/g, "").toUpperCase();
  const existing = inputFor(root, rawCode) || inputFor(root, code);
  if (existing && existing.value === "") return existing;
  const option = optionFor(root, code);
  if (option) {
    const label = option.textContent.slice(code.length + 1);
    const group = option.parentElement.dataset.group;
    option.remove();
    return addRow(root, code, label, group);
  }
  if (existing) {
    const group = existing.closest("fieldset")?.dataset.group;
    return addRow(root, rawCode, existing.labels[0]?.textContent.slice(code.length + 1) ?? "", group);
  }
  return addRow(root, rawCode, "(not a code this calculator knows)", "timed");
}

function fillFromUrl(root) {
  const pairs = [...new URLSearchParams(location.search)];
  root.unread = pairs.slice(MAX_ENTRIES).map(param);
  for (const [code, minutes] of pairs.slice(0, MAX_ENTRIES)) {
    if (minutes === "" && inputFor(root, code)) continue;
    ensureInput(root, code).value = minutes;
  }
}

function mount() {
  for (const root of roots()) {
    if (root.dataset.bound) continue;
    root.dataset.bound = "true";
    const form = root.querySelector(".calc-form");
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("input", () => recalc(root));
    root.querySelector('[data-action="add"]').addEventListener("click", () => {
      const select = root.querySelector("#calc-add-code");
      if (!select.value) return select.focus();
      const input = inputFor(root, select.value) || ensureInput(root, select.value);
      select.value = "";
      input.focus();
    });
    root.querySelector('[data-action="clear"]').addEventListener("click", () => {
      for (const input of root.querySelectorAll(".calc-form input[name]")) input.value = "";
      root.unread = [];
      recalc(root);
    });
    fillFromUrl(root);
    if (!worker && state !== "error") startWorker();
    showState(root);
    recalc(root);
  }
}

// Privacy: Material stores the colour scheme in localStorage even when the reader never chose
// one. Keep it only once the reader has used the light/dark toggle (this script is on every page).
// Material writes it through its global __md_set, which its head script defines before this
// module runs; a write that came first is removed here.
const scope = window.__md_scope?.pathname ?? new URL(".", document.baseURI).pathname;
const PALETTE = `${scope}.__palette`;
const PALETTE_CHOSEN = `${scope}.__palette-chosen`;
try {
  const chosen = () => localStorage.getItem(PALETTE_CHOSEN) !== null;
  const materialSet = window.__md_set;
  if (typeof materialSet === "function") {
    window.__md_set = (key, ...rest) => (key === "__palette" && !chosen() ? undefined : materialSet(key, ...rest));
  }
  if (!chosen()) localStorage.removeItem(PALETTE);
  document.addEventListener("change", (event) => { // capture: before Material's own handler saves
    if (event.target?.name === "__palette") localStorage.setItem(PALETTE_CHOSEN, "1");
  }, true);
} catch {
  // storage disabled: nothing is stored anyway
}

// On the calculator page this module is also loaded from the head: start Python at once.
if (document.querySelector('meta[name="calculator-page"]') && !worker) startWorker();
// Bind each page as it arrives (Material's instant navigation replaces the content).
function bind() {
  if (window.document$?.subscribe) window.document$.subscribe(mount);
  else mount();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bind);
else bind();
