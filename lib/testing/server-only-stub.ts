// Empty stand-in for `server-only` when server modules run under Vitest or tsx.
export {};
