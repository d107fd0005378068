import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPERATION_NAMES } from '../contract/generated';
import type { CoverageReport, DimensionCoverage } from './coverage-report';

const short = (error: string): string => error.replace(/Exception$/, '');

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function dimensionLine(label: string, d: DimensionCoverage): string {
  const used = Object.entries(d.used).map(([k, v]) => `${k} ×${v}`);
  return `${label}: ${used.length === 0 ? 'none' : used.join(', ')}${d.neverUsed.length > 0 ? `; never: ${d.neverUsed.join(', ')}` : ''}`;
}

/**
 * The report as a text table, like a line-coverage summary: one row per operation called (calls,
 * successes, errors, documented exceptions raised of documented), the exceptions never raised, then
 * the operations never called and the key specs, usages, states and algorithms used and never used.
 */
export function coverageTable(report: CoverageReport): string {
  const t = report.totals;
  const lines = [
    `KMS coverage: ${t.operationsCalled} of ${t.operations} operations called; ${t.calls} calls (${t.successes} succeeded, ${t.failures} failed); ` +
      `${t.documentedErrorsRaised} of ${t.documentedErrors} documented exceptions raised`,
  ];
  const rows = OPERATION_NAMES.map((op) => report.operations[op]).filter((o) => o.calls > 0);
  if (rows.length > 0) {
    const w = Math.max(9, ...rows.map((r) => r.operation.length));
    lines.push(`${pad('Operation', w)}  ${pad('Calls', 6, true)}  ${pad('OK', 6, true)}  ${pad('Errors', 6, true)}  ${pad('Exceptions', 10, true)}  Never raised`);
    for (const r of rows) {
      const docs = r.documentedErrorsRaised.length + r.documentedErrorsNeverRaised.length;
      const other = r.otherErrorsRaised.length > 0 ? `  (also: ${r.otherErrorsRaised.map(short).join(', ')})` : '';
      lines.push(
        `${pad(r.operation, w)}  ${pad(String(r.calls), 6, true)}  ${pad(String(r.successes), 6, true)}  ${pad(String(r.calls - r.successes), 6, true)}  ` +
          `${pad(`${r.documentedErrorsRaised.length}/${docs}`, 10, true)}  ${r.documentedErrorsNeverRaised.map(short).join(', ') || '-'}${other}`,
      );
    }
  }
  lines.push(`Never called (${report.neverCalled.length}): ${report.neverCalled.join(', ') || 'none'}`);
  lines.push(dimensionLine('Key specs', report.keySpecs));
  lines.push(dimensionLine('Key usages', report.keyUsages));
  lines.push(dimensionLine('Key states', report.keyStates));
  lines.push(dimensionLine('Encryption algorithms', report.encryptionAlgorithms));
  lines.push(dimensionLine('Signing algorithms', report.signingAlgorithms));
  lines.push(dimensionLine('MAC algorithms', report.macAlgorithms));
  lines.push(dimensionLine('Key agreement algorithms', report.keyAgreementAlgorithms));
  return lines.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function chips(used: Record<string, number>, never: readonly string[]): string {
  return [
    ...Object.entries(used).map(([k, v]) => `<span class="chip hit">${escapeHtml(k)} <b>${v}</b></span>`),
    ...never.map((k) => `<span class="chip miss">${escapeHtml(k)}</span>`),
  ].join(' ');
}

/** The report as a small self-contained HTML page (inline CSS, no script, no external asset). */
export function coverageHtml(report: CoverageReport, title = 'KMS coverage'): string {
  const t = report.totals;
  const pct = (a: number, b: number): string => (b === 0 ? '0' : ((100 * a) / b).toFixed(0));
  const rows = OPERATION_NAMES.map((op) => {
    const r = report.operations[op];
    const docs = r.documentedErrorsRaised.length + r.documentedErrorsNeverRaised.length;
    const params = Object.entries(r.parameters)
      .filter(([, p]) => Object.keys(p.used).length > 0 || r.calls > 0)
      .map(([name, p]) => `<div><i>${escapeHtml(name)}</i> ${chips(p.used, p.neverUsed)}</div>`)
      .join('');
    return `<tr class="${r.calls === 0 ? 'never' : ''}"><td>${op}</td><td class="n">${r.calls}</td><td class="n">${r.successes}</td><td class="n">${r.calls - r.successes}</td>` +
      `<td class="n">${r.documentedErrorsRaised.length}/${docs}</td><td>${chips(Object.fromEntries(r.documentedErrorsRaised.map((e) => [short(e), r.errors[e] ?? 0])), r.documentedErrorsNeverRaised.map(short))}` +
      `${r.otherErrorsRaised.length > 0 ? ` <span class="other">also ${r.otherErrorsRaised.map((e) => `${escapeHtml(short(e))} ${r.errors[e]}`).join(', ')}</span>` : ''}</td>` +
      `<td>${params}${Object.keys(r.keySpecs).length > 0 ? `<div><i>keys</i> ${chips({ ...r.keySpecs, ...r.keyStates }, [])}</div>` : ''}</td></tr>`;
  }).join('\n');
  const dims: [string, DimensionCoverage][] = [
    ['Key specs', report.keySpecs], ['Key usages', report.keyUsages], ['Key states', report.keyStates],
    ['Encryption algorithms', report.encryptionAlgorithms], ['Signing algorithms', report.signingAlgorithms],
    ['MAC algorithms', report.macAlgorithms], ['Key agreement algorithms', report.keyAgreementAlgorithms],
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1d2330}
h1{font-size:1.4em;margin:0 0 .3em}
.summary{margin:.2em 0 1em;color:#444}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e3e6ec;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f6fa;position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.never td{color:#98a0ad}
.chip{display:inline-block;border-radius:3px;padding:0 4px;margin:1px;font-size:12px}
.hit{background:#d8f3dc;color:#1b4332}.miss{background:#fde2e1;color:#7a1c1c}
.other{font-size:12px;color:#7a5a00}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${t.operationsCalled} of ${t.operations} operations called (${pct(t.operationsCalled, t.operations)}%) ·
${t.calls} calls, ${t.successes} succeeded, ${t.failures} failed · ${t.documentedErrorsRaised} of ${t.documentedErrors} documented exceptions raised (${pct(t.documentedErrorsRaised, t.documentedErrors)}%)</p>
<dl>${dims.map(([label, d]) => `<dt>${label}</dt><dd>${chips(d.used, d.neverUsed)}</dd>`).join('')}</dl>
<table><thead><tr><th>Operation</th><th>Calls</th><th>OK</th><th>Errors</th><th>Exceptions</th><th>Exceptions raised (green) and never raised (red)</th><th>Parameters and keys</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}

/** Writes `coverage.json` and `index.html` to `dir` (created if needed); returns their paths. */
export function writeCoverage(report: CoverageReport, dir: string): { readonly json: string; readonly html: string } {
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  const json = join(out, 'coverage.json');
  const html = join(out, 'index.html');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(html, coverageHtml(report));
  return { json, html };
}
