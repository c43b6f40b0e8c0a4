/** Strings of the needs area (French reference). */
const needs = {}

export default needs
