/** Typed look-up of this plugin's services: `getService(strapi, 'plan').update(…)`. */
import type { Core } from '@strapi/strapi';
import type services from '../services';

type Services = typeof services;

export const getService = <Name extends keyof Services>(
  strapi: Core.Strapi,
  name: Name
): ReturnType<Services[Name]> =>
  strapi.plugin('employer-check').service(name) as ReturnType<Services[Name]>;
