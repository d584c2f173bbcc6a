export const accents = {};
