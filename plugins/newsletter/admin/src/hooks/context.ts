/** Permissions and settings, loaded once by App and shared by every page of the plugin. */
import * as React from 'react';
import type { Settings } from '../utils/api';
import type { NewsletterPermissions } from './usePermissions';

export const PermissionsContext = React.createContext<NewsletterPermissions | null>(null);

export const usePermissionsContext = (): NewsletterPermissions => {
  const value = React.useContext(PermissionsContext);
  if (!value) throw new Error('usePermissionsContext outside the newsletter App');
  return value;
};

/** Fallback until the settings arrive (or for admins without `issues.read`). */
export const DEFAULT_SETTINGS: Settings = { topics: [], sections: [], timezone: 'Europe/Berlin' };

export const SettingsContext = React.createContext<Settings>(DEFAULT_SETTINGS);

export const useSettings = () => React.useContext(SettingsContext);
