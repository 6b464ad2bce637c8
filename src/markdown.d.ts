/** Markdown files imported as their text (webpack `asset/source`; Jest: scripts/rawTextTransform.js). */
declare module '*.md' {
  const text: string;
  export default text;
}
