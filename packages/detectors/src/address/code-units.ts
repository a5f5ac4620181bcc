import { codeUnitReader } from '../code-units.ts';

/**
 * The address detector's code-unit reader (see codeUnitReader): the anchor scan, the digit screen and the
 * tokenizer read the text from it. Overwritten by the next call, as the English entity tokenizer's is.
 */
export const codeUnits = codeUnitReader();
