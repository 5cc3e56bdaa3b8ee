/**
 * What the current admin may do in the newsletter. One `useRBAC` per action: the hook names
 * actions by their last segment, and `issues.read` and `subscribers.read` would collide.
 */
import { useRBAC } from '@strapi/strapi/admin';
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
}

const allowed = (result: ReturnType<typeof useRBAC>) =>
  !result.isLoading && Object.values(result.allowedActions).some(Boolean);

export const usePermissions = (): NewsletterPermissions => {
  const results = {
    readIssues: useRBAC(PERMISSIONS.readIssues),
    editIssues: useRBAC(PERMISSIONS.editIssues),
    testIssues: useRBAC(PERMISSIONS.testIssues),
    sendIssues: useRBAC(PERMISSIONS.sendIssues),
    readSubscribers: useRBAC(PERMISSIONS.readSubscribers),
    importSubscribers: useRBAC(PERMISSIONS.importSubscribers),
    exportSubscribers: useRBAC(PERMISSIONS.exportSubscribers),
    gdpr: useRBAC(PERMISSIONS.gdpr),
  };
  return {
    isLoading: Object.values(results).some((result) => result.isLoading),
    readIssues: allowed(results.readIssues),
    editIssues: allowed(results.editIssues),
    testIssues: allowed(results.testIssues),
    sendIssues: allowed(results.sendIssues),
    readSubscribers: allowed(results.readSubscribers),
    importSubscribers: allowed(results.importSubscribers),
    exportSubscribers: allowed(results.exportSubscribers),
    gdpr: allowed(results.gdpr),
  };
};
