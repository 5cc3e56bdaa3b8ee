/**
 * Behaviour on create/update that must hold however a document is written (REST, admin,
 * seed, plugins): computed fields and the validation rules of `lib/content-rules`.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  employerTipErrors,
  offerErrors,
  practiceExampleErrors,
  type FieldError,
} from './lib/content-rules';
import { offerVisibleUntil } from './lib/offers';
import { populationDensity } from './lib/population-density';

type Data = Record<string, unknown>;

const RULES: Partial<Record<UID.ContentType, (merged: Data) => FieldError[]>> = {
  'api::offer.offer': offerErrors,
  'api::practice-example.practice-example': practiceExampleErrors,
  'api::employer-tip.employer-tip': employerTipErrors,
};

const MUNICIPALITY: UID.ContentType = 'api::municipality.municipality';
const OFFER: UID.ContentType = 'api::offer.offer';

export const toValidationError = (fieldErrors: FieldError[]) =>
  new errors.ValidationError(
    fieldErrors.length === 1 ? fieldErrors[0].message : `${fieldErrors.length} errors occurred`,
    {
      errors: fieldErrors.map(({ path, message }) => ({ path, message, name: 'ValidationError' })),
    }
  );

/**
 * API clients may leave out `slug`: like the admin's UID field, it is derived from its target
 * field (title/name) and made unique.
 */
const fillMissingUids = async (strapi: Core.Strapi, uid: UID.ContentType, data: Data) => {
  const attributes = strapi.contentType(uid).attributes as Record<
    string,
    { type: string; targetField?: string }
  >;
  for (const [field, attribute] of Object.entries(attributes)) {
    if (attribute.type !== 'uid' || data[field] || !attribute.targetField) continue;
    if (typeof data[attribute.targetField] !== 'string') continue;
    data[field] = await strapi
      .plugin('content-manager')
      .service('uid')
      .generateUIDField({ contentTypeUID: uid, field, data });
  }
};

export const registerDocumentMiddlewares = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.action === 'create' && context.uid.startsWith('api::')) {
      const params = context.params as { data?: Data };
      if (params.data) await fillMissingUids(strapi, context.uid, params.data);
    }
    const { uid, action } = context;
    // a clone copies the stored draft with the client's changes: its computed fields are
    // computed again (the validation rules apply to create and update only, as before)
    const cloneOffer = action === 'clone' && uid === OFFER;
    if (
      !cloneOffer &&
      ((action !== 'create' && action !== 'update') || !(uid === MUNICIPALITY || RULES[uid]))
    ) {
      return next();
    }
    const params = context.params as { data?: Data; documentId?: string; locale?: string };
    const data: Data = params.data ?? {};

    let merged = data;
    if ((action === 'update' || cloneOffer) && params.documentId) {
      const stored = await strapi.documents(uid).findOne({
        documentId: params.documentId,
        locale: params.locale,
      } as never);
      merged = { ...(stored ?? {}), ...data };
    }

    if (uid === MUNICIPALITY) {
      // Never typed in by hand: whatever a client sends is replaced by the computed value.
      params.data = {
        ...data,
        populationDensity: populationDensity(
          merged.areaKm2 as number | undefined,
          merged.population as number | undefined
        ),
      };
      return next();
    }

    if (uid === OFFER) {
      // Never typed in by hand either: the last day the offer is listed as current
      // (lib/offers), what the public list and the newsletter filter on.
      params.data = { ...data, visibleUntil: offerVisibleUntil(merged) };
      if (cloneOffer) return next();
    }

    const fieldErrors = RULES[uid]!(merged);
    if (fieldErrors.length > 0) throw toValidationError(fieldErrors);
    return next();
  });
};
