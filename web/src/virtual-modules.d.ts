/** The English of the catalogue's message files, one object per file (web/catalogue-plugin.ts). */
declare module 'virtual:encours-english' {
  const files: readonly Readonly<Record<string, string>>[];
  export default files;
}
