import archive from './archive';
import bounces from './bounces';
import clicks from './clicks';
import composer from './composer';
import dispatcher from './dispatcher';
import issues from './issues';
import links from './links';
import mailer from './mailer';
import outbox from './outbox';
import report from './report';
import retention from './retention';
import scheduler from './scheduler';
import subscribers from './subscribers';
import subscriptions from './subscriptions';
import tokens from './tokens';

export default {
  archive,
  bounces,
  clicks,
  composer,
  dispatcher,
  issues,
  links,
  mailer,
  outbox,
  report,
  retention,
  scheduler,
  subscribers,
  subscriptions,
  tokens,
};
