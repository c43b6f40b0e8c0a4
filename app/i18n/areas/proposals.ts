import { loadTranslationArea } from '../browser-translations'

// Imported by every module that shows this area's texts (see ../browser-translations.ts).
await loadTranslationArea('proposals')
