import { Badge, type BadgeProps } from '@strapi/design-system';
import type { IssueStatus, SubscriberStatus } from '../utils/api';
import { useT } from '../utils/translate';

const ISSUE_VARIANTS: Record<IssueStatus, BadgeProps['variant']> = {
  draft: 'neutral',
  scheduled: 'secondary',
  sending: 'warning',
  paused: 'warning',
  sent: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

const SUBSCRIBER_VARIANTS: Record<SubscriberStatus, BadgeProps['variant']> = {
  pending: 'secondary',
  active: 'success',
  unsubscribed: 'neutral',
  bounced: 'danger',
  complained: 'danger',
};

export const IssueStatusBadge = ({ status }: { status: IssueStatus }) => {
  const t = useT();
  return <Badge variant={ISSUE_VARIANTS[status] ?? 'neutral'}>{t(`status.${status}`)}</Badge>;
};

export const SubscriberStatusBadge = ({ status }: { status: SubscriberStatus }) => {
  const t = useT();
  return (
    <Badge variant={SUBSCRIBER_VARIANTS[status] ?? 'neutral'}>
      {t(`subscriberStatus.${status}`)}
    </Badge>
  );
};
