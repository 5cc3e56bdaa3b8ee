import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import { createTransport, type MailTransport, type OutgoingMail } from '../mail/transport';

/** The plugin's single way to send a mail (see `mail/transport.ts`). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let transport: MailTransport | undefined;

  const get = () => {
    if (!transport) {
      transport = createTransport(strapi.config.get('plugin::newsletter') as NewsletterConfig, {
        appRoot: strapi.dirs.app.root,
        log: (message) => strapi.log.info(`[newsletter] ${message}`),
      });
    }
    return transport;
  };

  return {
    send(mail: OutgoingMail) {
      return get().send(mail);
    },
    kind() {
      return get().kind;
    },
    /** Drops the transport (closing pooled connections); the next send creates a new one. */
    reset() {
      transport?.close();
      transport = undefined;
    },
  };
};
