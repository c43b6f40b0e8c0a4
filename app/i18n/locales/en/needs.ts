import type needsFr from '../fr/needs'
import type { SameShape } from '../shape'

const needs: SameShape<typeof needsFr> = {}

export default needs
