// Keeps the project's config (found further up) out of the fixture's run.
export default {};
