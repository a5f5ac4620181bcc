/**
 * Lower-case function words and common sentence words that never belong to a street address, so they end a
 * candidate ("... 12 Main Street after the concert"). Particles that do occur in names ("de", "of", "the",
 * "and") are deliberately absent; the parser handles them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an at in on to for from by with without into onto upon about above after before behind below beneath ' +
    'beside between beyond during except inside near off out outside over past since than through till ' +
    'toward towards under until via within is am are was were be been being has have had having do does did ' +
    'will would shall should can could may might must i me my mine you your yours he him his she her hers it ' +
    'its we us our ours they them their theirs this that these those there here where when which who whom ' +
    'whose what why how if then else so but or nor not no yes also just only very too again ever never ' +
    'please thanks thank last next night day today tomorrow yesterday morning evening week month year ' +
    'while because although though as like said says say told tell asked see saw seen go went gone get got ' +
    'come came take took make made know knew think thought want wanted need needed live lives lived living ' +
    'located moved send sent ship shipped deliver delivered meet met visit visited stay stayed work worked ' +
    'call called use used new old all any some each every both either neither few many much more most other ' +
    'such own same one two three mr mrs ms prof sir madam dear hi hello hey ok okay via'
  ).split(' '),
);

/** Stop words that may still appear inside an address when capitalised or between name words. */
export const SOFT_STOP_WORDS: ReadonlySet<string> = new Set([
  'new',
  'old',
  'one',
  'two',
  'three',
  'no',
  'via',
]);

/** Sign-offs that open the line after an address block in letters and e-mails; they never continue it. */
export const CLOSING_WORDS: ReadonlySet<string> = new Set([
  'best',
  'regards',
  'cheers',
  'sincerely',
  'kind',
  'warm',
  'warmly',
  'respectfully',
  'cordially',
  'yours',
]);
