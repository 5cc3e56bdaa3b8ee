import mailer from './mailer';
import outbox from './outbox';
import subscribers from './subscribers';
import subscriptions from './subscriptions';
import tokens from './tokens';

export default { mailer, outbox, subscribers, subscriptions, tokens };
