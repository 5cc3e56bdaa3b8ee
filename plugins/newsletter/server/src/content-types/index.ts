import delivery from './delivery/schema.json';
import issue from './issue/schema.json';
import link from './link/schema.json';
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
};
