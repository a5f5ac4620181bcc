// Capitalized words that are never part of a person or organization name on their own: function words
// (sentence-initial), calendar words, greetings, and common document/headline vocabulary. Written from
// general knowledge, lower-case, whitespace-separated.

const FUNCTION_WORDS = `a an the this that these those there here his her hers him he she it its they them their we
us our you your yours i me my mine who whom whose which what when where why how if then else than so but and or
nor not no yes yeah yep ok okay oh ah hey hi hello dear thanks thank please sorry well also too very just only
even still yet already again ever never always often sometimes maybe perhaps however although though because
since while after before until unless whether as at by for from in into of off on onto out over per through to
toward towards under up upon via with within without about above across against along among around behind
below beneath beside besides between beyond despite during except inside near outside past regarding round
throughout till unlike all any both each either every few many more most much neither none other others some
such own same another one two three four five six seven eight nine ten first second third last next new old
is are was were be been being am do does did done have has had having will would shall should can could may
might must let lets let's i'm i've i'd i'll you're we're they're it's that's there's what's don't doesn't didn't
can't won't isn't aren't wasn't weren't nobody somebody everybody anybody someone everyone anyone nothing
something everything anything whoever whatever`;

const CALENDAR = `monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec christmas easter ramadan eid diwali hanukkah thanksgiving halloween xmas today tomorrow
yesterday tonight morning afternoon evening night week weekend month year day days spring summer autumn fall
winter noon midnight am pm gmt utc est pst cet bst`;

const DOCUMENT_WORDS = `re fw fwd subject to cc bcc from date sent attachment attached note notes update updates
news report reports summary agenda minutes memo draft final total totals table results result standings score
scores page section chapter part appendix figure fig item items list step steps question questions answer
answers faq q a name names address phone email e-mail tel fax mobile cell website url id number no nr ref
account card user bot customer client patient doctor nurse manager director president chairman chief officer
ceo cfo coo cto vp secretary minister governor senator mayor judge king queen prince princess lord lady sir
madam mr mrs ms miss mx dr prof professor rev father mother brother sister uncle aunt son daughter wife husband
baby team staff admin administrator support service sales marketing hr it legal finance accounting billing
shipping delivery order orders invoice receipt payment payments price prices cost costs amount balance
password login sign logout register home contact about help privacy terms policy cookies copyright
welcome regards best sincerely cheers yours truly kind warm love xoxo ps p.s. nb fyi asap eta tbd n/a
breaking exclusive update live video photo photos watch read click share follow like comment subscribe
lol omg wtf smh tbh imo idk btw rt via dm pm`;

const HEADLINE_AND_SPORTS = `win wins won beat beats beaten lose loses lost draw draws drew held hold holds
lead leads leading take takes took make makes made set sets say says said tell tells told see sees seen give gives
gave get gets got go goes went come comes came keep keeps kept put puts ask asks call calls show shows
soccer football cricket rugby tennis golf boxing cycling athletics swimming baseball basketball hockey
motor racing skiing sailing sport sports league cup championship championships division round final finals
semi-final semifinal quarter-final match matches game games season innings wickets runs goals points
victory defeat win loss home away standing test series open grand prix world olympics olympic
result results fixture fixtures scorers scorer summary summaries table leaders played pts
market markets stocks shares bonds prices price index rate rates dollar dollars yen euro euros mark marks
pound pounds franc francs lira peso rupee oil gold trade budget tax economy economic government police army
state states national federal central north south east west northern southern eastern western
new old upper lower greater little big great grand high low royal holy free
mid late early`;

/**
 * Letter closings and job titles of European business mail, quoted in English prompts ("Mit freundlichen
 * Grüßen", "M. Julien Castaing, Directeur Juridique"): capitalized, but no part of a name.
 */
const FOREIGN_LETTER_WORDS = `mit freundlichen grüßen grüssen grüße gruß viele herzliche cordialement salutations
distinguées atentamente saludos cordiales cordiali saluti distinti vriendelijke groet groeten directeur directrice
générale juridique présidente gérant gérante geschäftsführer geschäftsführerin prokurist leiter leiterin abteilung
responsable`;

/** Every stop word above, lower-cased. */
export const STOP_WORDS: readonly string[] =
  `${FUNCTION_WORDS} ${CALENDAR} ${DOCUMENT_WORDS} ${HEADLINE_AND_SPORTS} ${FOREIGN_LETTER_WORDS}`
    .split(/\s+/)
    .filter(Boolean);

/** Titles that introduce a person's name ("Dr. Jane Roe", "Sir Anthony"). Dots are stripped before lookup. */
export const PERSON_TITLES: readonly string[] =
  `fao attn mr mrs ms miss mx dr prof professor sir dame lord lady madam
madame mme mlle monsieur herr frau señor senor señora senora don doña sr sra rev reverend fr father sister brother
pastor rabbi imam sheikh sheik president vice-president chairman chairwoman chairperson prime premier chancellor
minister secretary governor senator sen rep representative congressman congresswoman mayor judge justice
ambassador general gen colonel col major maj captain capt lieutenant lt sergeant sgt corporal cpl private pvt
admiral commander cmdr officer detective det inspector constable chief coach manager striker midfielder
defender goalkeeper keeper forward captain skipper veteran rookie pitcher batsman bowler champion star
king queen prince princess pope cardinal bishop archbishop saint st president-elect ceo cfo coo cto founder
co-founder director chair spokesman spokeswoman spokesperson economist analyst attorney lawyer dean
nurse doctor officer agent actor actress singer author writer poet artist directeur directrice gérant gérante
geschäftsführer geschäftsführerin leiter leiterin direktor direktorin gerente presidente presidenta dottore
dottoressa ingeniero ingeniera ingénieur`
    .split(/\s+/)
    .filter(Boolean);

/** Post-nominal suffixes that may end a person's name ("Jane Roe PhD", "John Doe Jr."). */
export const NAME_SUFFIXES: readonly string[] =
  `jr sr ii iii iv phd md dds dmd esq cpa mba rn jd llb llm obe mbe cbe kbe qc kc dvm do`.split(/\s+/);
