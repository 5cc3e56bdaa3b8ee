/** CSV import of subscribers (file or pasted text) with the server's line-by-line report. */
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
import { useMutation } from 'react-query';
import { apiProblem, type ImportReport } from '../utils/api';
import { mergeReports, splitCsv } from '../utils/csv-chunks';
import { useT } from '../utils/translate';

const Summary = ({ report }: { report: ImportReport }) => {
  const t = useT();
  const rows: [string, number][] = [
    [t('import.rows'), report.rows],
    [t('import.createdActive'), report.created.active],
    [t('import.createdPending'), report.created.pending],
    [t('import.reactivated'), report.reactivated],
    [t('import.skipped'), report.skipped.length],
    [t('import.errors'), report.errors.length],
  ];
  return (
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
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = React.useState(false);
  const [text, setText] = React.useState('');
  const [fileName, setFileName] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string>();
  const [step, setStep] = React.useState<{ part: number; parts: number } | null>(null);

  const upload = useMutation(
    async (csv: string) => {
      const chunks = splitCsv(csv);
      const reports = [];
      for (const [index, chunk] of chunks.entries()) {
        setStep({ part: index + 1, parts: chunks.length });
        const response = await post<{ data: ImportReport }>('/newsletter/subscribers/import', {
          csv: chunk.text,
        });
        reports.push({ report: response.data.data, lineOffset: chunk.lineOffset });
      }
      return mergeReports(reports);
    },
    {
      onSuccess: (report) => {
        setStep(null);
        setError(undefined);
        onImported();
        toggleNotification({
          type: report.errors.length ? 'warning' : 'success',
          message: t('import.done', {
            created: report.created.active + report.created.pending + report.reactivated,
            problems: report.errors.length + report.skipped.length,
          }),
        });
      },
      onError: (err) => {
        setStep(null);
        const problem = apiProblem(err, t('import.failed'));
        setError(problem.fields.csv ?? problem.message);
        toggleNotification({ type: 'danger', message: problem.message });
      },
    }
  );

  const readFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    upload.reset();
  };

  const report = upload.data;
  return (
    <Modal.Root
      open={open}
      onOpenChange={(value) => {
        setOpen(value);
        if (!value) {
          upload.reset();
          setText('');
          setFileName(null);
          setError(undefined);
        }
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
            <Flex direction="column" alignItems="start" gap={1}>
              <Typography
                tag="label"
                htmlFor="newsletter-import-file"
                fontWeight="bold"
                variant="pi"
              >
                {t('import.file')}
              </Typography>
              <input
                id="newsletter-import-file"
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={readFile}
              />
              {fileName ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('import.fileRead', { name: fileName, size: text.length })}
                </Typography>
              ) : null}
            </Flex>
            <Field.Root name="csv" error={error} hint={t('import.pasteHint')}>
              <Field.Label>{t('import.paste')}</Field.Label>
              <Textarea
                value={text.length > 20_000 ? `${text.slice(0, 20_000)}\n…` : text}
                readOnly={text.length > 20_000}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                  setText(event.target.value);
                  setFileName(null);
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
                    rows={report.errors.map((entry) => [entry.line, entry.field, entry.message])}
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
          <Button
            startIcon={<Upload />}
            loading={upload.isLoading}
            disabled={!text.trim()}
            onClick={() => upload.mutate(text)}
          >
            {t('import.submit')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
