import { CHOICE_LABELS } from '../cli/options.js';
import { WAREHOUSE_KINDS } from '../domain/data-model.js';
import { STRATEGIES } from '../pipeline/job-spec.js';
import { html, type SafeHtml } from './html.js';

/**
 * The choices the trigger accepts (its CreateJobSchema is built from the same enums), labelled
 * as the CLI's help labels them. The first is selected unless the defaults say otherwise; a
 * choice the server's environment cannot run is refused by the trigger with its reason.
 */
export const NEW_JOB_CHOICES = { strategy: STRATEGIES, warehouse: WAREHOUSE_KINDS } as const;

function choiceOptions(field: keyof typeof NEW_JOB_CHOICES, selected: string | undefined): SafeHtml {
  const items = NEW_JOB_CHOICES[field].map((value) => html`<option value="${value}"${value === selected ? html` selected` : ''}>${value} (${CHOICE_LABELS[field]?.[value] ?? value})</option>`);
  return html`${items}`;
}

export interface NewJobDefaults {
  url?: string;
  strategy?: string;
  warehouse?: string;
  scale?: string;
}

export function newJobBody(d: NewJobDefaults): SafeHtml {
  const scale = d.scale && Number(d.scale) > 0 && Number(d.scale) <= 100 ? d.scale : '1';
  return html`<h1>New job</h1>
<p class="lead">Give a company's website. provision researches it, writes a demo story, builds and loads the data, and checks every golden question.</p>
<form id="new-job" class="card form" method="post" action="/jobs" novalidate>
  <div class="field"><label for="url">Website URL</label>
    <input id="url" name="url" type="url" inputmode="url" required placeholder="https://www.example.com" value="${d.url ?? ''}" autocomplete="url" aria-describedby="url-help">
    <p id="url-help" class="sub">The company's public home page.</p></div>
  <div class="row">
    <div class="field"><label for="strategy">Strategy</label>
      <select id="strategy" name="strategy">
${choiceOptions('strategy', d.strategy)}
      </select></div>
    <div class="field"><label for="warehouse">Warehouse</label>
      <select id="warehouse" name="warehouse">
${choiceOptions('warehouse', d.warehouse)}
      </select></div>
    <div class="field"><label for="scale">Scale</label>
      <input id="scale" name="scale" type="number" min="0.01" max="100" step="any" value="${scale}" aria-describedby="scale-help">
      <p id="scale-help" class="sub">Multiplies row counts (1 ≈ 75,000 rows).</p></div>
  </div>
  <div class="field"><label for="callbackUrl">Callback URL <span class="sub">(optional)</span></label>
    <input id="callbackUrl" name="callbackUrl" type="url" inputmode="url" placeholder="https://hooks.example.com/provision" autocomplete="off"></div>
  <p id="form-error" class="error" role="alert" hidden></p>
  <div class="actions"><button type="submit" class="primary">Start job</button></div>
  <noscript><p class="error">The form needs JavaScript; or use the API: POST /jobs.</p></noscript>
</form>`;
}

export function tokenBody(path: string, wrong: boolean): SafeHtml {
  return html`<h1>API token needed</h1>
<p>This dashboard is protected by the service's API token (<code>PROVISION_API_TOKEN</code>).</p>
<form class="card form" method="get" action="${path}">
  <div class="field"><label for="token">API token</label><input id="token" name="token" type="password" required autocomplete="current-password"></div>
  ${wrong ? html`<p class="error" role="alert">That token is not right.</p>` : ''}
  <div class="actions"><button type="submit" class="primary">Continue</button></div>
</form>
<p class="sub">The token is kept in an HttpOnly cookie for this site. You can also open any page with <code>?token=…</code> once.</p>`;
}

export function notFoundBody(what: string): SafeHtml {
  return html`<h1>Not found</h1><p>${what}</p><p><a href="/">All jobs</a></p>`;
}
