'use strict';

// Strapi loads plugin servers as JavaScript: this points at the compiled TypeScript
// (`npm run build` in this folder, or `npm run build:plugins` in the app).
module.exports = require('./dist/server').default;
