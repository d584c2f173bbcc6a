import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node';
import { Form, useLoaderData, useNavigation } from '@remix-run/react';

import { FormErrorSummary } from '../components/forms/field';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { monitor as monitorText } from '../i18n/nl/monitor';
import { enterableMunicipalities } from '../models/monitor/indicator-page.server';
import { MAX_IMPORT_BYTES } from '../models/monitor/monitor-file.server';
import { commitImport, fileProblemMessage, type ImportPreview, previewImport } from '../models/monitor/monitor-import.server';
import { parseBreakdownKey } from '../models/monitor/monitor-rules';
import { formatFigure } from '../models/monitor/monitor-series';
import { getCurrentPeriod, getPeriodBySlug, listPeriods } from '../models/periods/period.server';
import { periodLabel } from '../models/periods/period-rules';
import { canEnterFigure, canEnterSomeFigures } from '../models/permissions';
import monitorCss from '../styles/monitor.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { requireAllowed } from '../utils/http.server';

const m = monitorText;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: monitorCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(m.importTitle) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEnterSomeFigures(actor));
  const own = canEnterFigure(actor, { municipalityId: null }) ? null : (enterableMunicipalities(actor)[0]?.name ?? null);
  return {
    own,
    periods: listPeriods().map((p) => ({ slug: p.slug, label: periodLabel(p) })),
    currentPeriod: getCurrentPeriod()?.slug ?? '',
  };
}

type ActionResult = { preview: ImportPreview | null; error: string | null };

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEnterSomeFigures(actor));
  const refuse = (error: string) => data<ActionResult>({ preview: null, error }, { status: 400 });

  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) {
    const form = await request.formData();
    const result = commitImport(actor, String(form.get('token') ?? ''));
    if (!result.ok) return refuse(result.message);
    return redirect(`/monitor?geimporteerd=${result.counts.new}-${result.counts.changed}`);
  }

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse(fileProblemMessage('tooLarge'));
    return refuse(fileProblemMessage('notSpreadsheet'));
  }
  const file = form.get('bestand');
  if (!(file instanceof Blob) || file.size === 0) return refuse(m.importErrors.noFile);
  const period = getPeriodBySlug(String(form.get('periode') ?? '')) ?? getCurrentPeriod();
  if (!period) return refuse(m.errors.unknownPeriod);
  const preview = await previewImport(actor, new Uint8Array(await file.arrayBuffer()), period);
  return data<ActionResult>({ preview, error: null }, { status: preview.errors.length > 0 ? 400 : 200 });
}

function breakdownText(key: string) {
  const parsed = parseBreakdownKey(key);
  return parsed ? `${m.breakdownDimensions[parsed.dimension] ?? parsed.dimension}: ${parsed.category}` : m.total;
}

export default function MonitorImportPage() {
  const { own, periods, currentPeriod } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const preview = result?.preview ?? null;
  return (
    <>
      <Breadcrumbs label={t.accents.breadcrumbsLabel} trail={[{ to: '/monitor', label: m.title }]} current={m.importTitle} />
      <h1>{m.importTitle}</h1>
      <p className="lead">{m.importIntro}</p>
      {own ? <p>{m.importOwnOnly(own)}</p> : null}
      <ul className="monitor-inline-list">
        <li>
          <a href="/monitor/sjabloon.csv" download>
            {m.templateCsv}
          </a>
        </li>
        <li>
          <a href="/monitor/sjabloon.xlsx" download>
            {m.templateXlsx}
          </a>
        </li>
      </ul>

      <Form method="post" encType="multipart/form-data" className="form card" noValidate>
        <FormErrorSummary show={Boolean(result?.error)} message={result?.error ?? ''} />
        <div className="field">
          <label htmlFor="import-periode">{m.periodLabel}</label>
          <span className="hint" id="import-periode-hint">
            {m.periodHint}
          </span>
          <select id="import-periode" name="periode" defaultValue={currentPeriod} aria-describedby="import-periode-hint">
            {periods.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-bestand">{m.fileLabel}</label>
          <input
            id="import-bestand"
            name="bestand"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {m.showPreview}
        </button>
      </Form>

      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{m.previewHeading}</h2>
          <p role="status">{m.previewCounts(preview.counts.new, preview.counts.changed, preview.counts.unchanged)}</p>
          {preview.errors.length > 0 ? (
            <div className="table-wrap" role="region" aria-labelledby="import-errors-caption" tabIndex={0}>
              <table className="table">
                <caption id="import-errors-caption">
                  <strong className="form-error">{m.errorsHeading(preview.errors.length)}</strong> — {m.errorsCaption}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{m.row}</th>
                    <th scope="col">{m.column}</th>
                    <th scope="col">{m.problem}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((error, i) => (
                    <tr key={i}>
                      <td>{error.row ?? ''}</td>
                      <td>{error.column ?? ''}</td>
                      <td>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {preview.token ? (
            <Form method="post">
              <input type="hidden" name="token" value={preview.token} />
              <button type="submit" className="button" disabled={busy}>
                {m.confirmImport}
              </button>
            </Form>
          ) : null}
          {preview.rows.length > 0 ? (
            <div className="table-wrap" role="region" aria-labelledby="import-rows-caption" tabIndex={0}>
              <table className="table">
                <caption id="import-rows-caption">{m.previewCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.row}</th>
                    <th scope="col">{m.change}</th>
                    <th scope="col">{m.filterIndicator}</th>
                    <th scope="col">{m.area}</th>
                    <th scope="col">{m.year}</th>
                    <th scope="col">{m.breakdown}</th>
                    <th scope="col" className="numeric">
                      {m.value}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.row}>
                      <td>{row.row}</td>
                      <td>{m.changes[row.change]}</td>
                      <td>{row.indicatorCode}</td>
                      <td>{row.areaName}</td>
                      <td>{row.year}</td>
                      <td>{breakdownText(row.breakdownKey)}</td>
                      <td className="numeric">{formatFigure(row.unit, row.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
