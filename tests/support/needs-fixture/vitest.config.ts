// Keeps the project's config (found further up) out of the fixture's
// run, and Vite's cache in the project's node_modules.
export default { cacheDir: '../../../node_modules/.vite/needs-fixture' };
