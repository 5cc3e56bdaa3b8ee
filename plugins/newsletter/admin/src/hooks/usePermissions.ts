/**
 * What the current admin may do in the newsletter, read from the user's permissions in the
 * admin's auth state. Not `useRBAC`: it checks once when the page mounts, and a page opened
 * directly by URL can mount before the permissions have loaded — it then keeps "not allowed".
 * The plugin's actions have no conditions, so the list of the user's actions is the answer.
 */
import { useAuth } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';

export interface NewsletterPermissions {
  isLoading: boolean;
  readIssues: boolean;
  editIssues: boolean;
  testIssues: boolean;
  sendIssues: boolean;
  readSubscribers: boolean;
  importSubscribers: boolean;
  exportSubscribers: boolean;
  gdpr: boolean;
  manageSubscribers: boolean;
}

export const usePermissions = (): NewsletterPermissions => {
  const isLoading = useAuth('newsletter', (state) => state.isLoading);
  const granted = useAuth('newsletter', (state) => state.permissions);
  const has = (required: { action: string }[]) =>
    required.some(({ action }) => granted.some((permission) => permission.action === action));
  return {
    isLoading,
    readIssues: has(PERMISSIONS.readIssues),
    editIssues: has(PERMISSIONS.editIssues),
    testIssues: has(PERMISSIONS.testIssues),
    sendIssues: has(PERMISSIONS.sendIssues),
    readSubscribers: has(PERMISSIONS.readSubscribers),
    importSubscribers: has(PERMISSIONS.importSubscribers),
    exportSubscribers: has(PERMISSIONS.exportSubscribers),
    gdpr: has(PERMISSIONS.gdpr),
    manageSubscribers: has(PERMISSIONS.manageSubscribers),
  };
};
