// Vite's `?raw` imports: the file's text as a string (used for docs/theory.md).
declare module '*?raw' {
  const text: string;
  export default text;
}
