/**
 * Sending progress: a bar and the counts (sent, failed, skipped of all recipients). Not the
 * design system's ProgressBar, which is drawn for dark backgrounds (upload overlays).
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/translate';

export interface Counts {
  recipients: number;
  sent: number;
  failed: number;
  skipped: number;
}

export const done = ({ sent, failed, skipped }: Counts) => sent + failed + skipped;

export const percent = (counts: Counts) =>
  counts.recipients > 0 ? Math.round((done(counts) / counts.recipients) * 100) : 0;

export const ProgressSummary = ({
  counts,
  compact = false,
}: {
  counts: Counts;
  compact?: boolean;
}) => {
  const t = useT();
  const value = percent(counts);
  const label = t('progress.label', {
    done: done(counts),
    recipients: counts.recipients,
    percent: value,
  });
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Box
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        background="neutral150"
        hasRadius
        height={compact ? '0.4rem' : '0.8rem'}
        overflow="hidden"
      >
        <Box
          background={counts.failed > 0 ? 'warning500' : 'success500'}
          height="100%"
          style={{ width: `${value}%`, transition: 'width 0.5s ease' }}
        />
      </Box>
      <Typography variant="pi" textColor="neutral600">
        {compact
          ? label
          : t('progress.details', {
              sent: counts.sent,
              failed: counts.failed,
              skipped: counts.skipped,
              recipients: counts.recipients,
            })}
      </Typography>
    </Flex>
  );
};
