import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { ReportPartView } from '../components/reports/report-blocks-view';
import { t } from '../i18n';
import { reports as reportsText } from '../i18n/nl/reports';
import { editionLine, yearReportParts, yearReportTitle } from '../models/reports/year-report-blocks';
import chartsCss from '../styles/charts.css?url';
import reportsCss from '../styles/reports.css?url';
import { requireActor } from '../utils/auth.server';
import { requireYearReportEdition } from '../utils/year-report-guard.server';

const r = reportsText;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: chartsCss },
  { rel: 'stylesheet', href: reportsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? data.title : t.common.errors.notFoundTitle) },
];

/** /jaarrapportages/<jaar>/afdrukken: the report alone, for the browser's print (print CSS hides the rest). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request);
  const { report, view } = requireYearReportEdition(request, params.year);
  return {
    title: yearReportTitle(report.year, view.edition),
    edition: editionLine(view.edition),
    isExample: report.isExample,
    parts: yearReportParts(view.content),
  };
}

export default function PrintYearReportPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <article className="report-page report-page--print">
      <h1>{data.title}</h1>
      <p>
        <strong>{r.edition.label}: </strong>
        {data.edition}
      </p>
      {data.isExample ? <p>{r.exampleNote}</p> : null}
      {data.parts.map((part) => (
        <ReportPartView key={part.id} part={part} />
      ))}
    </article>
  );
}
