import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * Where uploads (organisation logos, practice-example PDFs) live. Default: files under
 * public/uploads, served by Strapi (one instance, or a shared folder for several). With
 * S3_BUCKET set: S3-compatible object storage through Strapi's official provider
 * (@strapi/provider-upload-aws-s3), so every instance reads and writes the same files.
 *
 *   S3_BUCKET, S3_REGION (default eu-central-1), S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY
 *   S3_ENDPOINT        an S3-compatible service other than AWS (MinIO, a county data centre)
 *   S3_FORCE_PATH_STYLE=true   bucket in the path instead of the host name (MinIO and most
 *                               self-hosted services)
 *   S3_PUBLIC_URL      public base URL of the files (a CDN or the bucket's public address);
 *                      default: the provider's own URL
 *   S3_ROOT_PATH       a folder inside the bucket
 *   S3_ACL             default public-read (the files are public content)
 */
export const uploadProvider = (env: Env) => {
  const bucket = env('S3_BUCKET', '');
  if (!bucket) return {};
  const accessKeyId = env('S3_ACCESS_KEY_ID', '');
  const secretAccessKey = env('S3_SECRET_ACCESS_KEY', '');
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      'S3_BUCKET is set, but S3_ACCESS_KEY_ID or S3_SECRET_ACCESS_KEY is missing: uploads cannot be stored.'
    );
  }
  const endpoint = env('S3_ENDPOINT', '');
  return {
    provider: 'aws-s3',
    providerOptions: {
      ...(env('S3_PUBLIC_URL', '') ? { baseUrl: env('S3_PUBLIC_URL') } : {}),
      ...(env('S3_ROOT_PATH', '') ? { rootPath: env('S3_ROOT_PATH') } : {}),
      s3Options: {
        credentials: { accessKeyId, secretAccessKey },
        region: env('S3_REGION', 'eu-central-1'),
        ...(endpoint ? { endpoint } : {}),
        forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', false),
        // checksums only where S3 requires them: self-hosted S3 services often do not know the
        // SDK's newer default checksum headers
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        params: { ACL: env('S3_ACL', 'public-read'), Bucket: bucket },
      },
    },
  };
};

/** The origin of the uploaded files, for the CSP (the admin shows previews of them). */
export const uploadOrigins = (env: Env): string[] => {
  if (!env('S3_BUCKET', '')) return [];
  const base = env('S3_PUBLIC_URL', '') || env('S3_ENDPOINT', '');
  if (base) return [new URL(base).origin];
  return [`https://${env('S3_BUCKET')}.s3.${env('S3_REGION', 'eu-central-1')}.amazonaws.com`];
};
