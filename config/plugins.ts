import type { Core } from '@strapi/strapi';
import { ensureSecrets } from './lib/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  ensureSecrets();
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
  };
};

export default config;
