/**
 * Subscriber import: a CSV file or an Excel workbook (.xlsx), or pasted CSV text, with the
 * line-by-line report. CSV is read here with the server's reader (encoding, delimiter, broken
 * lines) and sent as JSON `{ csv }` parts under the server's limit, each with the header line;
 * the parts' reports are merged and their lines mapped back to the file. A workbook goes up as
 * it is, in one request (multipart), after a size check against the same limit.
 */
import * as React from 'react';
import {
  Button,
  Field,
  Flex,
  Modal,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useMutation, useQuery } from 'react-query';
import { apiProblem, type ImportReport } from '../utils/api';
import { mergeReports, planParts } from '../utils/csv-chunks';
import { readCsvFile, readCsvPaste } from '../utils/csv-reader';
import { useT, type MessageKey, type Translate } from '../utils/translate';
import {
  FileProblem,
  sizeLabel,
  sniffFormat,
  type Delimiter,
  type Encoding,
  type Sheet,
} from '../../../server/src/lib/subscriber-file';

const ENDPOINT = '/newsletter/subscribers/import';
/** multipart framing around the workbook (boundary, headers): well under this */
const MULTIPART_OVERHEAD = 1024;

const ENCODING_KEYS: Record<Encoding, MessageKey> = {
  'utf-8': 'import.encoding.utf',
  'utf-8-bom': 'import.encoding.utfBom',
  'windows-1252': 'import.encoding.ansi',
  'utf-16le': 'import.encoding.utfWide',
  'utf-16be': 'import.encoding.utfWide',
};
const DELIMITER_KEYS: Record<Delimiter, MessageKey> = {
  ',': 'import.delimiter.comma',
  ';': 'import.delimiter.semicolon',
  '\t': 'import.delimiter.tab',
};

const encodingLabel = (t: Translate, encoding: Encoding | null) =>
  t(encoding ? ENCODING_KEYS[encoding] : 'import.encoding.pasted');

/** What was detected about the file, as one line. */
const detected = (t: Translate, report: ImportReport) =>
  report.format === 'xlsx'
    ? [t('import.format.xlsx'), report.sheet ? t('import.sheet', { name: report.sheet }) : null]
        .filter(Boolean)
        .join(', ')
    : [
        t('import.format.csv'),
        encodingLabel(t, report.encoding),
        report.delimiter
          ? t('import.delimiterIs', { delimiter: t(DELIMITER_KEYS[report.delimiter]) })
          : null,
      ]
        .filter(Boolean)
        .join(', ');

/** The file as chosen: its bytes, and for CSV what the reader made of it. */
type Chosen =
  | { kind: 'csv'; name: string; size: number; sheet: Sheet }
  | { kind: 'xlsx'; name: string; size: number; file: File };

const Summary = ({ report }: { report: ImportReport }) => {
  const t = useT();
  const rows: [string, number][] = [
    [t('import.rows'), report.rows],
    [t('import.createdActive'), report.created.active],
    [t('import.createdPending'), report.created.pending],
    [t('import.reactivated'), report.reactivated],
    [t('import.skipped'), report.skipped.length],
    [t('import.errors'), report.rejected],
  ];
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex tag="dl" gap={6} wrap="wrap" aria-label={t('import.summary')}>
        {rows.map(([label, value]) => (
          <Flex key={label} direction="column" alignItems="start">
            <Typography tag="dt" variant="pi" textColor="neutral600">
              {label}
            </Typography>
            <Typography tag="dd" variant="beta">
              {value}
            </Typography>
          </Flex>
        ))}
      </Flex>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {t('import.detected')}: {detected(t, report)}
      </Typography>
    </Flex>
  );
};

const ReportTable = ({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <Typography variant="delta" tag="h3">
      {caption}
    </Typography>
    <Table colCount={columns.length} rowCount={rows.length + 1} aria-label={caption}>
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column}>
              <Typography variant="sigma">{column}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row, index) => (
          <Tr key={index}>
            {row.map((cell, cellIndex) => (
              <Td key={cellIndex} style={{ whiteSpace: 'normal' }}>
                <Typography>{cell}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  </Flex>
);

export const ImportDialog = ({ onImported }: { onImported: () => void }) => {
  const t = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = React.useState(false);
  const [text, setText] = React.useState('');
  const [chosen, setChosen] = React.useState<Chosen | null>(null);
  const [fileError, setFileError] = React.useState<string>();
  const [error, setError] = React.useState<string>();
  const [step, setStep] = React.useState<{ part: number; parts: number } | null>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);

  const limits = useQuery(
    ['newsletter', 'import-limits'],
    async () => (await get<{ data: { maxBytes: number } }>(`${ENDPOINT}/limits`)).data.data,
    { enabled: open, staleTime: 60_000 }
  );
  const maxBytes = limits.data?.maxBytes;

  /** CSV: every record the reader could read, in parts; the rest reported from here. */
  const sendSheet = async (sheet: Sheet, limit: number) => {
    const { parts, tooLarge } = planParts(sheet, limit);
    const reports = [];
    for (const [index, part] of parts.entries()) {
      setStep({ part: index + 1, parts: parts.length });
      const response = await post<{ data: ImportReport }>(ENDPOINT, { csv: part.csv });
      reports.push({ report: response.data.data, lines: part.lines });
    }
    return mergeReports(reports, {
      format: 'csv',
      encoding: sheet.encoding,
      delimiter: sheet.delimiter,
      problems: [...sheet.problems, ...tooLarge],
    });
  };

  const upload = useMutation(
    async (): Promise<ImportReport> => {
      if (!maxBytes) throw new Error(t('import.failed'));
      if (chosen?.kind === 'xlsx') {
        setStep({ part: 1, parts: 1 });
        const form = new FormData();
        form.append('file', chosen.file, chosen.name);
        return (await post<{ data: ImportReport }>(ENDPOINT, form)).data.data;
      }
      return sendSheet(chosen?.kind === 'csv' ? chosen.sheet : readCsvPaste(text), maxBytes);
    },
    {
      onSuccess: (report) => {
        setStep(null);
        setError(undefined);
        onImported();
        toggleNotification({
          type: report.rejected ? 'warning' : 'success',
          message: t('import.done', {
            created: report.created.active + report.created.pending + report.reactivated,
            problems: report.rejected + report.skipped.length,
          }),
        });
      },
      onError: (err) => {
        setStep(null);
        const problem =
          err instanceof FileProblem
            ? { message: err.message, fields: {} as Record<string, string> }
            : apiProblem(err, t('import.failed'));
        setError(problem.fields.file ?? problem.fields.csv ?? problem.message);
        toggleNotification({ type: 'danger', message: problem.message });
      },
    }
  );

  const chooseFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    upload.reset();
    setChosen(null);
    setFileError(undefined);
    setError(undefined);
    if (!file) return;
    setText('');
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (sniffFormat(bytes) === 'xlsx') {
        setChosen({ kind: 'xlsx', name: file.name, size: file.size, file });
      } else {
        setChosen({ kind: 'csv', name: file.name, size: file.size, sheet: readCsvFile(bytes) });
      }
    } catch (problem) {
      if (!(problem instanceof FileProblem)) throw problem;
      setFileError(problem.message);
    }
  };

  const xlsxTooLarge =
    chosen?.kind === 'xlsx' && maxBytes !== undefined && chosen.size + MULTIPART_OVERHEAD > maxBytes
      ? t('import.tooLarge', { size: sizeLabel(chosen.size), limit: sizeLabel(maxBytes) })
      : undefined;

  const reset = () => {
    upload.reset();
    setText('');
    setChosen(null);
    setFileError(undefined);
    setError(undefined);
    if (inputRef.current) inputRef.current.value = '';
  };

  const report = upload.data;
  const ready =
    (chosen !== null || text.trim() !== '') && !fileError && !xlsxTooLarge && !!maxBytes;
  return (
    <Modal.Root
      open={open}
      onOpenChange={(value) => {
        setOpen(value);
        if (!value) reset();
      }}
    >
      <Modal.Trigger>
        <Button startIcon={<Upload />} variant="secondary">
          {t('import.open')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{t('import.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>{t('import.help')}</Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {t('import.columns')}
            </Typography>
            <Field.Root name="file" id="newsletter-import-file" error={fileError ?? xlsxTooLarge}>
              <Field.Label>{t('import.file')}</Field.Label>
              <input
                ref={inputRef}
                id="newsletter-import-file"
                type="file"
                accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(event) => void chooseFile(event)}
              />
              {chosen ? (
                <Typography variant="pi" textColor="neutral600" aria-live="polite">
                  {chosen.kind === 'csv'
                    ? t('import.fileCsv', {
                        name: chosen.name,
                        size: sizeLabel(chosen.size),
                        encoding: encodingLabel(t, chosen.sheet.encoding),
                        delimiter: chosen.sheet.delimiter
                          ? t(DELIMITER_KEYS[chosen.sheet.delimiter])
                          : '–',
                        rows: chosen.sheet.rows.length + chosen.sheet.problems.length,
                      })
                    : t('import.fileXlsx', { name: chosen.name, size: sizeLabel(chosen.size) })}
                </Typography>
              ) : null}
              <Field.Error />
            </Field.Root>
            <Field.Root name="csv" error={error} hint={t('import.pasteHint')}>
              <Field.Label>{t('import.paste')}</Field.Label>
              <Textarea
                value={text}
                disabled={chosen !== null}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                  setText(event.target.value);
                  upload.reset();
                }}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
            {step && step.parts > 1 ? (
              <Typography aria-live="polite">
                {t('import.progress', { part: step.part, parts: step.parts })}
              </Typography>
            ) : null}
            {report ? (
              <Flex direction="column" alignItems="stretch" gap={4} aria-live="polite">
                <Typography variant="delta" tag="h3">
                  {t('import.report')}
                </Typography>
                <Summary report={report} />
                {report.errors.length ? (
                  <ReportTable
                    caption={t('import.errorTable')}
                    columns={[t('import.line'), t('import.field'), t('import.message')]}
                    rows={report.errors.map((entry) => [
                      entry.line,
                      entry.field === 'record' ? t('import.wholeLine') : entry.field,
                      entry.message,
                    ])}
                  />
                ) : null}
                {report.skipped.length ? (
                  <ReportTable
                    caption={t('import.skippedTable')}
                    columns={[t('import.line'), t('import.email'), t('import.reason')]}
                    rows={report.skipped.map((entry) => [entry.line, entry.email, entry.reason])}
                  />
                ) : null}
              </Flex>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.close')}</Button>
          </Modal.Close>
          <Flex gap={2}>
            {chosen ? (
              <Button variant="secondary" onClick={reset}>
                {t('import.otherFile')}
              </Button>
            ) : null}
            <Button
              startIcon={<Upload />}
              loading={upload.isLoading}
              disabled={!ready}
              onClick={() => upload.mutate()}
            >
              {t('import.submit')}
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
