import click from './click/schema.json';
import delivery from './delivery/schema.json';
import issue from './issue/schema.json';
import jobLease from './job-lease/schema.json';
import link from './link/schema.json';
import mailboxMessage from './mailbox-message/schema.json';
import outboxMail from './outbox-mail/schema.json';
import subscriber from './subscriber/schema.json';
import suppression from './suppression/schema.json';

export default {
  subscriber: { schema: subscriber },
  suppression: { schema: suppression },
  'outbox-mail': { schema: outboxMail },
  issue: { schema: issue },
  delivery: { schema: delivery },
  link: { schema: link },
  'mailbox-message': { schema: mailboxMessage },
  'job-lease': { schema: jobLease },
  click: { schema: click },
};
