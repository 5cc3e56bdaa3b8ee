import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { newsletterSections } from '../src/newsletter/sections';
import {
  employerTipsPersonalisation,
  onSubmissionsDeleted,
  reminderTransport,
} from '../src/newsletter/personalisation';
import { ensureSecrets } from './lib/secrets';
import { uploadProvider } from './lib/storage';

/** "Name <address>" or a plain address, as in MAIL_FROM. */
const parseMailbox = (value: string) => {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  return match
    ? { name: match[1].replace(/^"|"$/g, ''), email: match[2] }
    : { name: '', email: value.trim() };
};

/**
 * DKIM from DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (PEM, `\n` escapes allowed) or
 * DKIM_PRIVATE_KEY_FILE: on with all three, off with none, a start error with anything between.
 */
const dkimSettings = (env: Core.Config.Shared.ConfigParams['env']) => {
  const domainName = env('DKIM_DOMAIN', '').trim();
  const keySelector = env('DKIM_SELECTOR', '').trim();
  const inlineKey = env('DKIM_PRIVATE_KEY', '').trim();
  const keyFile = env('DKIM_PRIVATE_KEY_FILE', '').trim();
  if (!domainName && !keySelector && !inlineKey && !keyFile) return null;
  if (inlineKey && keyFile) {
    throw new Error('DKIM: set DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE, not both');
  }
  const missing = [
    domainName ? null : 'DKIM_DOMAIN',
    keySelector ? null : 'DKIM_SELECTOR',
    inlineKey || keyFile ? null : 'DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE)',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      `DKIM is only partly configured: ${missing.join(', ')} missing (set all of DKIM_DOMAIN, DKIM_SELECTOR and a key, or none)`
    );
  }
  let privateKey = inlineKey.replace(/\\n/g, '\n');
  if (keyFile) {
    const file = path.resolve(keyFile);
    try {
      privateKey = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(
        `DKIM_PRIVATE_KEY_FILE: cannot read ${file} (${error instanceof Error ? error.message : error})`
      );
    }
  }
  return { domainName, keySelector, privateKey };
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  ensureSecrets();
  const publicUrl = env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`);
  const from = parseMailbox(
    env('MAIL_FROM', 'Bildungsbüro Newsletter <newsletter@bildungsbuero.example>')
  );

  return {
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET'),
        jwtManagement: 'refresh',
        sessions: {
          httpOnly: true,
        },
      },
    },
    upload: {
      config: {
        ...uploadProvider(env),
        security: {
          allowedTypes: [
            'image/*',
            'application/pdf',
            'application/msword',
            'application/vnd.openxmlformats-officedocument.*',
            'text/plain',
            'text/csv',
          ],
          deniedTypes: ['image/svg+xml'],
        },
      },
    },
    newsletter: {
      enabled: true,
      resolve: './plugins/newsletter',
      config: {
        secret: env('NEWSLETTER_SECRET'),
        publicUrl,
        privacyUrl: env('PRIVACY_URL', `${publicUrl}/datenschutz/`),
        newsletterName: env('NEWSLETTER_NAME', 'Newsletter der Fachkräfteoffensive'),
        sender: {
          name: from.name || 'Bildungsbüro / Fachkräfteoffensive',
          email: from.email,
          replyTo: env('MAIL_REPLY_TO', undefined),
        },
        imprint: {
          organisation: env(
            'IMPRINT_ORGANISATION',
            'Landkreis Verden – Bildungsbüro / Fachkräfteoffensive'
          ),
          lines: env.array('IMPRINT_LINES', ['Lindhooper Straße 67', '27283 Verden (Aller)']),
          url: env('IMPRINT_URL', `${publicUrl}/impressum/`),
        },
        // topics: the plugin's German defaults (offers, practice-examples, employer-tips).
        sections: newsletterSections(env('SITE_URL', publicUrl).replace(/\/+$/, '')),
        // employer tips chosen by a company's own self-check result, when it asks for that
        personalisation: env.bool('NEWSLETTER_PERSONAL_TIPS', true)
          ? employerTipsPersonalisation()
          : null,
        // clicks counted per issue and item link through a signed redirect, nobody identified
        clickTracking: { enabled: env.bool('NEWSLETTER_CLICK_TRACKING', true) },
        scheduler: {
          enabled: env.bool('NEWSLETTER_SCHEDULER', true),
          timezone: 'Europe/Berlin',
          tickCron: env('NEWSLETTER_TICK_CRON', '* * * * *'),
        },
        // Sending issues (see docs/reliability.md); the fault suite shortens these.
        dispatch: {
          batchSize: env.int('NEWSLETTER_DISPATCH_BATCH_SIZE', 100),
          leaseSeconds: env.int('NEWSLETTER_DISPATCH_LEASE_SECONDS', 60),
          retryBaseSeconds: env.int('NEWSLETTER_DISPATCH_RETRY_BASE_SECONDS', 60),
          unreachablePauseSeconds: env.int('NEWSLETTER_UNREACHABLE_PAUSE_SECONDS', 600),
          maxTakeovers: env.int('NEWSLETTER_DISPATCH_MAX_TAKEOVERS', 3),
        },
        // Data minimisation, daily at 03:30 (docs/operations.md, "Retention")
        retention: {
          enabled: env.bool('NEWSLETTER_RETENTION', true),
          cron: '30 3 * * *',
          pendingDays: env.int('NEWSLETTER_RETENTION_PENDING_DAYS', 30),
          leftMonths: env.int('NEWSLETTER_RETENTION_LEFT_MONTHS', 12),
          deliveryMonths: env.int('NEWSLETTER_RETENTION_DELIVERY_MONTHS', 24),
        },
        // The bounce mailbox (IMAP), read every 5 minutes by one instance at a time
        bounces: {
          imap: env('BOUNCE_IMAP_HOST', '')
            ? {
                host: env('BOUNCE_IMAP_HOST'),
                port: env.int('BOUNCE_IMAP_PORT', 993),
                secure: env.bool('BOUNCE_IMAP_SECURE', true),
                user: env('BOUNCE_IMAP_USER', ''),
                pass: env('BOUNCE_IMAP_PASSWORD', ''),
                folder: env('BOUNCE_IMAP_FOLDER', 'INBOX'),
              }
            : null,
          pollCron: env('BOUNCE_POLL_CRON', '*/5 * * * *'),
          softBounceLimit: env.int('BOUNCE_SOFT_LIMIT', 3),
          softBouncePeriodDays: env.int('BOUNCE_SOFT_PERIOD_DAYS', 30),
        },
        digest: {
          enabled: env.bool('NEWSLETTER_DIGEST', true),
          cron: env('NEWSLETTER_DIGEST_CRON', '0 8 * * 2#1'),
          autoSend: env.bool('NEWSLETTER_DIGEST_AUTOSEND', false),
          subject: 'Neuigkeiten aus Ausbildung und Fachkräftesicherung',
        },
        // a welcome mail after each confirmed subscription (the plugin's German default text)
        welcome: { enabled: env.bool('NEWSLETTER_WELCOME', false) },
        confirmTokenTtlHours: env.int('NEWSLETTER_CONFIRM_TTL_HOURS', 72),
        rateLimit: { windowSeconds: 60, max: env.int('NEWSLETTER_RATE_LIMIT_MAX', 20) },
        // subscriber import: largest request body in MB (CSV, .xlsx, JSON or multipart alike)
        import: { maxBytes: Math.round(env.float('NEWSLETTER_IMPORT_MAX_MB', 5) * 1024 * 1024) },
        transport: {
          mailDir: env('MAIL_DIR', '.tmp/mail'),
          smtp: env('SMTP_HOST', '')
            ? {
                host: env('SMTP_HOST'),
                port: env.int('SMTP_PORT', 587),
                secure: env.bool('SMTP_SECURE', false),
                user: env('SMTP_USER', undefined),
                pass: env('SMTP_PASS', undefined),
                maxConnections: env.int('SMTP_MAX_CONNECTIONS', 5),
                rateLimit: env.int('SMTP_RATE_LIMIT', 0),
                rateDeltaMs: env.int('SMTP_RATE_DELTA_MS', 1000),
                connectionTimeoutMs: env.int('SMTP_TIMEOUT_MS', 10000),
              }
            : null,
        },
        // VERP: bounces come back to bounces+TOKEN@domain of this address (empty: off)
        returnPath: { address: env('NEWSLETTER_RETURN_PATH', '').trim() || null },
        dkim: dkimSettings(env),
      },
    },
    'employer-check': {
      enabled: true,
      resolve: './plugins/employer-check',
      config: {
        k: env.int('EMPLOYER_CHECK_K', 5),
        rateLimit: { max: env.int('EMPLOYER_CHECK_RATE_LIMIT_MAX', 60) },
        retention: {
          enabled: env.bool('EMPLOYER_CHECK_RETENTION', true),
          completedMonths: env.int('EMPLOYER_CHECK_RETENTION_MONTHS', 24),
          draftDays: 30,
          cron: '30 3 * * *',
          timezone: 'Europe/Berlin',
        },
        tips: {
          uid: 'api::employer-tip.employer-tip',
          dimensionsField: 'checkDimensions',
          bandsField: 'checkBands',
          sizeClassesField: 'suitedSizeClasses',
          url: (tip: Record<string, unknown>) =>
            `${env('SITE_URL', publicUrl).replace(/\/+$/, '')}/arbeitgeber-tipps/${String(tip.slug ?? '')}`,
        },
        municipalities: { uid: 'api::municipality.municipality', labelField: 'name' },
        // reminder mails (double opt-in) through the newsletter plugin's transport
        reminders: {
          enabled: env.bool('EMPLOYER_CHECK_REMINDERS', true),
          send: reminderTransport,
          publicUrl,
          resultLink: (token: string) =>
            `${env('SITE_URL', publicUrl).replace(/\/+$/, '')}/selbstcheck/?token=${encodeURIComponent(token)}`,
          sender: env(
            'IMPRINT_ORGANISATION',
            'Landkreis Verden – Bildungsbüro / Fachkräfteoffensive'
          ),
          daysBefore: 7,
          recheckMonths: 12,
          pendingDays: 30,
          cron: env('EMPLOYER_CHECK_REMINDER_CRON', '0 8 * * *'),
          timezone: 'Europe/Berlin',
        },
        survey: {
          k: env.int('EMPLOYER_CHECK_SURVEY_K', 5),
          defaultDays: 28,
          maxDays: 90,
          // the page employees open (public/selbstcheck/befragung/)
          link: (surveyId: string) =>
            `${env('SITE_URL', publicUrl).replace(/\/+$/, '')}/selbstcheck/befragung/?id=${encodeURIComponent(surveyId)}`,
        },
        // links of deleted checks to newsletter subscriptions go with them
        onDeleted: onSubmissionsDeleted,
        report: {
          title: 'Selbstcheck Arbeitgeberattraktivität',
          publisher: env(
            'IMPRINT_ORGANISATION',
            'Landkreis Verden – Bildungsbüro / Fachkräfteoffensive'
          ),
          footerNote:
            'Ihre Angaben sind anonym. Ohne Ihre Zustimmung fließen sie nicht in die regionale Statistik ein.',
        },
      },
    },
  };
};

export default config;
