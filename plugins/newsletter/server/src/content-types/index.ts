import outboxMail from './outbox-mail/schema.json';
import subscriber from './subscriber/schema.json';
import suppression from './suppression/schema.json';

export default {
  subscriber: { schema: subscriber },
  suppression: { schema: suppression },
  'outbox-mail': { schema: outboxMail },
};
