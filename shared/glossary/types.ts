/** The glossary's entry types, without zod (the renderer lists them; shared/glossary/schemas.ts builds its enum from them). */
export const GLOSSARY_TYPES = ['person', 'organisation', 'product', 'term'] as const;
