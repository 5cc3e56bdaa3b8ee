/**
 * What an issue achieved, for editors: its counters (recipients, sent, failed, skipped, hard and
 * soft bounces, complaints, unsubscribes through its mails), the clicks per item (counted per
 * link and issue only, see services/clicks.ts) and the state of the bounce mailbox; also as CSV.
 */
import type { Core } from '@strapi/strapi';
import { csvLine } from '../lib/csv';
import { getService } from '../utils/get-service';

export interface ReportItem {
  section: string;
  sectionTitle: string;
  documentId: string | null;
  title: string | null;
  clicks: number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async issueReport(documentId: string) {
    const issue = (await getService(strapi, 'issues').find(documentId)) as unknown as Record<
      string,
      unknown
    > & { id: number; items: { section: string; documentId: string }[] | null };
    const sections = new Map(
      (
        strapi.config.get('plugin::newsletter') as { sections: { topic: string; title: string }[] }
      ).sections.map((section) => [section.topic, section.title])
    );
    const details = await getService(strapi, 'composer').describe(issue.items as never);
    const clicks = await getService(strapi, 'clicks').figures(issue.id);
    const clicksOf = new Map(
      clicks.map((entry) => [`${entry.section}/${entry.documentId ?? ''}`, entry.clicks])
    );
    const items: ReportItem[] = details.map((detail) => ({
      section: detail.section,
      sectionTitle: sections.get(detail.section) ?? detail.section,
      documentId: detail.documentId,
      title: detail.title,
      clicks: clicksOf.get(`${detail.section}/${detail.documentId}`) ?? 0,
    }));
    // clicks on items that are no longer in the issue's list (e.g. of a personalised pool)
    const listed = new Set(items.map((item) => `${item.section}/${item.documentId}`));
    for (const entry of clicks) {
      const key = `${entry.section}/${entry.documentId ?? ''}`;
      if (listed.has(key)) continue;
      items.push({
        section: entry.section,
        sectionTitle: sections.get(entry.section) ?? entry.section,
        documentId: entry.documentId,
        title: null,
        clicks: entry.clicks,
      });
    }
    const number = (field: string) => Number(issue[field] ?? 0);
    return {
      issue: {
        documentId,
        subject: issue.subject as string,
        status: issue.status as string,
        startedAt: (issue.startedAt as string | null) ?? null,
        finishedAt: (issue.finishedAt as string | null) ?? null,
      },
      figures: {
        recipients: number('recipients'),
        sent: number('sent'),
        failed: number('failed'),
        skipped: number('skipped'),
        hardBounces: number('hardBounces'),
        softBounces: number('softBounces'),
        complaints: number('complaints'),
        unsubscribes: number('unsubscribes'),
        clicks: items.reduce((sum, item) => sum + item.clicks, 0),
      },
      items,
      mailbox: await getService(strapi, 'bounces').status(),
    };
  },

  /** The report as CSV (one block of figures, then one line per item), for spreadsheets. */
  async issueReportCsv(documentId: string) {
    const report = await this.issueReport(documentId);
    const { figures } = report;
    const lines = [
      csvLine(['Kennzahl', 'Wert']),
      ...(
        [
          ['Ausgabe', report.issue.subject],
          ['Empfänger', figures.recipients],
          ['Gesendet', figures.sent],
          ['Fehlgeschlagen', figures.failed],
          ['Übersprungen', figures.skipped],
          ['Unzustellbar (dauerhaft)', figures.hardBounces],
          ['Unzustellbar (vorübergehend)', figures.softBounces],
          ['Beschwerden', figures.complaints],
          ['Abmeldungen über diese Ausgabe', figures.unsubscribes],
          ['Klicks gesamt', figures.clicks],
        ] as [string, unknown][]
      ).map((line) => csvLine(line)),
      '\r\n',
      csvLine(['Rubrik', 'Beitrag', 'Dokument', 'Klicks']),
      ...report.items.map((item) =>
        csvLine([item.sectionTitle, item.title ?? '', item.documentId ?? '', item.clicks])
      ),
    ];
    return lines.join('');
  },
});
