// The English translations' own chunk in the browser (../client-translations.ts).
export { default } from './en'
