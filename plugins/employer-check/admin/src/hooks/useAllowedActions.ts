/**
 * `useRBAC`'s answer shape (`allowedActions.canRead`, …) read from the user's permissions in the
 * admin's auth state. Not `useRBAC` itself: it checks once when the page mounts, and a page opened
 * directly by URL can mount before the permissions have loaded — it then keeps "not allowed".
 * The plugin's actions have no conditions, so the list of the user's actions is the answer.
 */
import { useAuth } from '@strapi/strapi/admin';

const actionName = (action: string) =>
  (action.split('.').pop() ?? '')
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

export const useAllowedActions = (required: { action: string }[]) => {
  const isLoading = useAuth('employer-check', (state) => state.isLoading);
  const granted = useAuth('employer-check', (state) => state.permissions);
  const allowedActions: Record<string, boolean> = Object.fromEntries(
    required.map(({ action }) => [
      `can${actionName(action)}`,
      granted.some((permission) => permission.action === action),
    ])
  );
  return { isLoading, allowedActions };
};
