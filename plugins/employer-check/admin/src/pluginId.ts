export const PLUGIN_ID = 'employer-check';
