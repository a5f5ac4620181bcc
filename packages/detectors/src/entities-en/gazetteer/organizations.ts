// Organization vocabulary written from general knowledge, lower-case. Complements the compromise
// lexicon's organizations and sports teams.

const split = (s: string): string[] =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** Legal-form suffixes: a capitalized run ending in one of these is a company. Dots are stripped before lookup. */
export const LEGAL_SUFFIXES: readonly string[] =
  split(`inc|incorporated|llc|llp|lp|ltd|limited|corp|corporation|co|
company|plc|ag|sa|nv|bv|gmbh|kg|kgaa|oy|oyj|ab|asa|spa|srl|sarl|sas|pty|pte|bhd|sdn|kk|se|lda|sl|sal|cia|cie|
holdings|holding|group|partners|associates|ventures|enterprises|industries|international|intl|worldwide|
aps|sro|kft|zrt|nyrt|doo|ltda|sprl|bvba|vzw|asbl|ohg|pllc|pvt|tbk|ehf|sp`);

/**
 * Words that head or end organization names ("Bank of Japan", "Oxford University", "Acme Labs"). Ambiguous
 * ones (e.g. "Times", "Club") are still strong when the run has other capitalized words.
 */
export const ORG_HEAD_WORDS: readonly string[] =
  split(`university|college|institute|institution|foundation|bank|
hospital|clinic|association|council|ministry|agency|department|dept|committee|commission|authority|board|bureau|
federation|union|party|club|society|church|school|academy|trust|fund|capital|technologies|technology|tech|systems|
solutions|services|consulting|consultants|labs|laboratories|laboratory|motors|airlines|airways|insurance|
pharmaceuticals|pharma|securities|investments|investment|bancorp|bankcorp|financial|network|networks|media|news|
newspaper|times|post|journal|gazette|herald|tribune|press|television|tv|radio|broadcasting|records|studios|studio|
entertainment|pictures|films|orchestra|league|army|navy|police|court|parliament|congress|senate|assembly|
government|office|exchange|reserve|treasury|organisation|organization|alliance|coalition|front|movement|
brotherhood|ensemble|band|quartet|choir|corps|squad|gang|command|guard|forces|unit|center|centre|museum|library|gallery|
theatre|theater|hotel|hotels|resorts|restaurant|cafe|bakery|store|stores|shop|supermarket|mart|market|markets|
brands|foods|beverages|brewery|brewing|energy|oil|petroleum|gas|electric|power|utilities|telecom|communications|
software|computing|computers|electronics|semiconductor|robotics|analytics|data|digital|interactive|games|mobile|
online|web|labs|design|designs|logistics|transport|shipping|freight|railways|railway|rail|construction|builders|
properties|realty|estates|development|developers|management|research|publishing|publishers|books|magazine|
systems|chemicals|steel|mining|metals|resources|textiles|apparel|fashion|cosmetics|health|healthcare|medical|
diagnostics|therapeutics|biotech|biosciences|sciences|genomics|agriculture|farms|dairy|motor|automotive|aviation|
aerospace|defense|defence|security|legal|law|firm|accountants|advisors|advisers|capital|equity|asset|assets|
credit|lending|loans|mortgage|payments|pay|wallet|finance|bancshares|mutual|cooperative|co-op|charity|ngo|
mission|relief|aid|rescue|cross|crescent|nations|community|communities|district|county council|city council|
region|task force|directorate|inspectorate|secretariat|cabinet|administration|service|fc|afc|cf|sc|ac|bc|rfc|cc|
united|rovers|wanderers|athletic|athletico|albion|hotspur|rangers|celtic|bulls|warriors|kings|giants|tigers|
lions|bears|eagles|hawks|sharks|wolves|dragons|knights|saints|pirates|raiders|chiefs|cowboys|patriots|yankees|
dodgers|red sox|white sox|cubs|mets|braves|astros|mariners|orioles|royals|twins|padres|rockies|phillies|expos|
brewers|cardinals|reds|marlins|rays|angels|athletics|indians|blue jays|lakers|celtics|knicks|nets|heat|magic|
bulls|pistons|pacers|cavaliers|cavs|bucks|hornets|wizards|raptors|nuggets|jazz|suns|spurs|rockets|mavericks|
grizzlies|clippers|kings|thunder|blazers|timberwolves|pelicans|supersonics|sonics|packers|steelers|broncos|
redskins|seahawks|49ers|ravens|colts|jaguars|titans|vikings|panthers|falcons|buccaneers|oilers|canucks|
flyers|penguins|bruins|canadiens|maple leafs|blackhawks|capitals|islanders|devils|sabres|senators|flames|
avalanche|predators|stars|ducks|coyotes|whalers|nordiques|jets|sounders|galaxy|fire|crew|revolution|
supply|supplies|manufacturing|distribution|distributors|wholesale|trading|imports|clinics|hospitals|pharmacy|
pharmacies|sons|commissioners|trustees`);

/**
 * Head words that open an organization's name in other languages ("Clinique Sainte-Anne", "Banco Sabadell",
 * "Universidad de Chile", "Stadtwerke Lübeck"): followed by a capitalized word, they make an organization.
 */
export const HEAD_FIRST_WORDS: readonly string[] = split(`banco|banca|banque|caja|caixa|caisse|cassa|clinique|
clínica|clinica|klinik|klinikum|hôpital|hopital|ospedale|universidad|universidade|université|universite|
università|universita|universitat|universität|universitaet|instituto|istituto|institut|fundación|fundacion|
fundação|fundacao|fondation|fondazione|colegio|collège|lycée|lycee|école|ecole|escuela|escola|liceo|museo|musée|
museu|compagnie|compañía|compania|companhia|société|societe|sociedad|sociedade|società|groupe|grupo|gruppo|
laboratoires|laboratoire|laboratorios|ministerio|ministère|ministero|agence|agencia|agenzia|asociación|
asociacion|associação|federación|fédération|federazione|sindicato|cooperativa|coopérative|stadtwerke|
ediciones|farmacia|pharmacie|ayuntamiento|mairie|comune|gemeinde|amtsgericht|landgericht|oberlandesgericht|
handelsgericht|tribunal|biuro|kancelaria|spółdzielnia|spoldzielnia|stichting|vereniging|gemeente`);

/**
 * Endings of compound words that name an organization by themselves in Germanic languages
 * ("Handelsbanken", "Commerzbank", "Sparkasse", "Stadtwerke", "Systembolaget").
 */
export const COMPOUND_HEAD_ENDINGS: readonly string[] = split(`bank|banken|kasse|kassen|versicherung|
versicherungen|försäkring|forsikring|werke|gruppe|gruppen|stiftung|verband|klinik|klinikum|bolaget|selskab|
selskap|fonden|dienst`);

/** Heads that take an "of …" complement: "University of Texas", "Bank of England", "Ministry of Defence". */
export const ORG_OF_HEADS: readonly string[] = split(`university|bank|ministry|department|institute|council|
college|school|academy|museum|church|federation|association|society|union|board|bureau|office|court|house|
chamber|league|order|commission|committee|government|republic|kingdom|parliament|assembly|congress|
organisation|organization|army|navy|party|people's republic|faculty|hospital|center|centre|friends|sisters|
brothers|knights|daughters|sons|corporation|company|fund`);

/** Well-known organizations (companies, media, international bodies, parties, clubs). */
export const KNOWN_ORGANIZATIONS: readonly string[] =
  split(`reuters|associated press|ap|afp|bloomberg|dow jones|
xinhua|itar-tass|tass|interfax|ansa|kyodo|bbc|cnn|nbc|abc|cbs|fox|fox news|msnbc|pbs|npr|sky|itv|al jazeera|
new york times|washington post|wall street journal|financial times|the economist|guardian|the guardian|
the times|daily telegraph|telegraph|daily mail|the sun|usa today|los angeles times|time|newsweek|forbes|
fortune|der spiegel|le monde|el pais|nasdaq|nyse|ftse|s&p|standard & poor's|moody's|fitch|
un|u.n.|united nations|unesco|unicef|unhcr|who|wto|imf|world bank|nato|eu|european union|european commission|
european parliament|opec|osce|oecd|asean|apec|mercosur|nafta|african union|arab league|interpol|fifa|uefa|
ioc|icc|fia|nba|nfl|nhl|mlb|ncaa|atp|wta|pga|red cross|greenpeace|amnesty international|oxfam|
fbi|cia|nsa|nasa|fda|sec|epa|irs|fed|federal reserve|pentagon|white house|kremlin|congress|senate|
bundesbank|bundestag|bank of england|bank of japan|ecb|european central bank|scotland yard|mi5|mi6|
labour|labour party|conservative party|tories|democrats|republicans|democratic party|republican party|
gop|hamas|hezbollah|plo|fatah|ira|sinn fein|eta|taliban|al qaeda|likud|anc|bjp|congress party|kdp|puk|
apple|google|alphabet|microsoft|amazon|meta|facebook|instagram|whatsapp|twitter|youtube|netflix|spotify|uber|
lyft|airbnb|tesla|spacex|ibm|intel|amd|nvidia|oracle|sap|cisco|dell|hp|hewlett-packard|xerox|siemens|philips|
sony|samsung|lg|panasonic|toshiba|hitachi|fujitsu|nec|canon|nikon|nintendo|sega|huawei|xiaomi|lenovo|alibaba|
tencent|baidu|bytedance|tiktok|nokia|ericsson|motorola|qualcomm|broadcom|adobe|salesforce|vmware|paypal|ebay|
visa|mastercard|american express|goldman sachs|morgan stanley|jpmorgan|jp morgan|citigroup|citibank|citi|
barclays|hsbc|lloyds|natwest|santander|bnp paribas|societe generale|deutsche bank|commerzbank|ubs|
credit suisse|ing|abn amro|rabobank|merrill lynch|lehman brothers|blackrock|vanguard|fidelity|berkshire hathaway|
general motors|gm|ford|chrysler|fiat|volkswagen|vw|bmw|mercedes|mercedes-benz|daimler|audi|porsche|renault|
peugeot|citroen|volvo|saab|toyota|honda|nissan|mazda|hyundai|kia|boeing|airbus|lockheed martin|raytheon|
general electric|ge|exxon|exxonmobil|chevron|shell|royal dutch shell|bp|total|gazprom|lukoil|rosneft|aramco|
coca-cola|pepsi|pepsico|nestle|nestlé|unilever|procter & gamble|p&g|johnson & johnson|pfizer|merck|novartis|
roche|bayer|basf|glaxosmithkline|gsk|astrazeneca|sanofi|walmart|wal-mart|target|costco|tesco|sainsbury's|
carrefour|ikea|h&m|zara|nike|adidas|puma|mcdonald's|mcdonalds|burger king|kfc|starbucks|disney|warner bros|
paramount|universal|mgm|nickelodeon|hbo|at&t|verizon|t-mobile|sprint|vodafone|orange|telefonica|deutsche telekom|
british telecom|bt|fedex|ups|dhl|british airways|lufthansa|air france|klm|delta|united airlines|american airlines|
emirates|qantas|ryanair|easyjet|aeroflot|reddit|wikipedia|linkedin|snapchat|pinterest|github|gitlab|mozilla|
harvard|yale|stanford|mit|oxford university|cambridge university|princeton|columbia university|berkeley|
juventus|inter|inter milan|ac milan|milan|lazio|roma|napoli|fiorentina|parma|sampdoria|atalanta|udinese|
real madrid|atletico madrid|barcelona|valencia|sevilla|real betis|deportivo|celta vigo|athletic bilbao|
real sociedad|espanyol|bayern munich|bayern|borussia dortmund|schalke|werder bremen|hamburg sv|bayer leverkusen|
ajax|psv|psv eindhoven|feyenoord|benfica|sporting|fc porto|anderlecht|club brugge|galatasaray|fenerbahce|
besiktas|olympiakos|panathinaikos|celtic|rangers|arsenal|chelsea|liverpool|everton|tottenham|manchester united|
manchester city|newcastle united|aston villa|west ham|leeds united|nottingham forest|sheffield wednesday|
blackburn|middlesbrough|wimbledon|coventry|southampton|sunderland|derby county|leicester city|paris st germain|
psg|monaco|marseille|olympique marseille|auxerre|nantes|bordeaux|lens|red star|partizan|dynamo kiev|
spartak moscow|cska moscow|boca juniors|river plate|flamengo|santos|all blacks|wallabies|springboks|
yankees|red sox|dodgers|cubs|lakers|celtics|bulls|knicks`);

/**
 * Sports clubs' nicknames as used on their own ("the Lakers", "Warriors fans", "RANGERS BEAT INDIANS"):
 * professional leagues of North America and common British club nicknames. Plurals only; singular
 * nicknames ("Heat", "Jazz", "Magic") are ordinary words too often to count alone.
 */
export const TEAM_NICKNAMES: readonly string[] =
  split(`49ers|niners|bills|dolphins|patriots|jets|ravens|bengals|
browns|steelers|texans|colts|jaguars|titans|broncos|chiefs|raiders|chargers|cowboys|giants|eagles|
redskins|bears|lions|packers|vikings|falcons|panthers|saints|buccaneers|bucs|cardinals|rams|seahawks|celtics|nets|
knicks|76ers|sixers|raptors|bulls|cavaliers|cavs|pistons|pacers|bucks|hawks|hornets|wizards|nuggets|timberwolves|
wolves|blazers|trailblazers|clippers|lakers|suns|kings|mavericks|mavs|rockets|grizzlies|pelicans|spurs|warriors|
sonics|supersonics|yankees|orioles|rays|twins|royals|tigers|astros|mariners|angels|rangers|braves|marlins|
mets|phillies|expos|cubs|brewers|reds|pirates|dodgers|padres|rockies|diamondbacks|bruins|sabres|
senators|canadiens|habs|flyers|penguins|islanders|devils|capitals|blackhawks|predators|
oilers|flames|canucks|sharks|ducks|coyotes|whalers|nordiques|kraken|gunners|hammers|magpies|toffees|foxes|
canaries|seagulls|baggies|cherries|villans|saracens|wasps|harlequins|quins|wallabies|springboks|united`);

/**
 * More organizations written from general knowledge: brands, game studios, media and TV channels, web
 * services, public bodies, leagues, and well-known bands and music groups (WNUT counts groups).
 */
export const MORE_ORGANIZATIONS: readonly string[] = split(`etsy|craigslist|shopify|groupon|doordash|
grubhub|instacart|deliveroo|asos|primark|uniqlo|walgreens|kroger|safeway|aldi|lidl|asda|morrisons|waitrose|
john lewis|argos|gamestop|macy's|nordstrom|jcpenney|dunkin|dunkin donuts|
wendy's|taco bell|chipotle|domino's|pizza hut|papa john's|popeyes|krispy kreme|tim hortons|nando's|
greggs|red bull|heineken|budweiser|guinness|htc|oneplus|asus|razer|logitech|gopro|fitbit|garmin|sennheiser|
sonos|dyson|blue origin|virgin atlantic|virgin galactic|northrop grumman|rolls-royce|land rover|ferrari|
lamborghini|maserati|mclaren|aston martin|bugatti|subaru|mitsubishi|lexus|cadillac|chevrolet|chevy|
harley-davidson|yamaha|kawasaki|ducati|openai|deepmind|tsmc|foxconn|dropbox|atlassian|zendesk|hubspot|coinbase|
binance|twilio|cloudflare|akamai|digitalocean|heroku|mongodb|yahoo|aol|msn|duckduckgo|quora|tumblr|myspace|
twitch|discord|skype|hulu|vevo|soundcloud|tinder|grindr|yelp|wechat|weibo|viber|activision|
electronic arts|ubisoft|bethesda|bungie|capcom|konami|square enix|bandai namco|epic games|riot games|
rockstar games|naughty dog|atari|buzzfeed|huffpost|huffington post|breitbart|infowars|politico|axios|
techcrunch|engadget|gizmodo|mashable|cnet|ign|gamespot|kotaku|rolling stone|tmz|espn|sky sports|
bt sport|fox sports|nbc sports|bein sports|eurosport|dazn|starz|syfy|comedy central|mtv|vh1|
cartoon network|disney channel|history channel|nat geo|animal planet|
food network|hgtv|tlc|cbc|ctv|channel 4|abc news|cbs news|nbc news|sky news|cnbc|c-span|russia today|
fox business|pixar|dreamworks|lionsgate|miramax|marvel|marvel studios|dc comics|crunchyroll|funimation|
studio ghibli|isro|jaxa|roscosmos|cern|cdc|fema|nhs|gchq|lapd|nypd|kgb|fsb|mossad|isis|isil|daesh|
boko haram|kkk|ku klux klan|nra|aclu|naacp|planned parenthood|peta|wwe|ufc|mls|epl|premier league|la liga|
serie a|bundesliga|nascar|indycar|formula one|formula 1|motogp|lpga|beatles|rolling stones|led zeppelin|
pink floyd|metallica|megadeth|iron maiden|black sabbath|guns n' roses|guns n roses|pearl jam|foo fighters|
red hot chili peppers|radiohead|coldplay|u2|arctic monkeys|the strokes|the killers|green day|
blink-182|linkin park|limp bizkit|slipknot|system of a down|rage against the machine|depeche mode|
joy division|the smiths|duran duran|abba|bee gees|fleetwood mac|aerosmith|bon jovi|van halen|def leppard|
dire straits|beach boys|jackson 5|backstreet boys|spice girls|destiny's child|
fifth harmony|westlife|boyzone|bts|blackpink|got7|bigbang|red velvet|girls' generation|snsd|
shinee|super junior|monsta x|stray kids|mamamoo|daft punk|chemical brothers|massive attack|
arcade fire|vampire weekend|mgmt|tame impala|imagine dragons|twenty one pilots|
panic at the disco|5 seconds of summer|5sos|maroon 5|onerepublic|
chainsmokers|black eyed peas|outkast|wu-tang clan|wu-tang|run-dmc|public enemy|beastie boys|migos|
fugees|mumford & sons|lumineers|kings of leon|
rascal flatts|florida georgia line|dixie chicks|tenacious d|pentatonix|snow patrol|kasabian|
stone roses|franz ferdinand|mcfly|evanescence|nickelback|godsmack|
avenged sevenfold|bring me the horizon|rammstein|tokio hotel|sabaton|nightwish|imdb|rotten tomatoes|patreon|
kickstarter|indiegogo|gofundme|vimeo|dailymotion|deviantart|9gag|imgur|stack overflow|stackoverflow|vice news|
fc barcelona|man utd|man united|man city|barca|juve|dortmund|atletico|sony music|universal music|
warner music|def jam|atlantic records|columbia records|interscope|capitol records|republic records|
motown|roc nation|young money|maybach music|top dawg|xl recordings|sub pop|rough trade|
the rolling stones|sex pistols|ramones|talking heads|
pet shop boys|tears for fears|simple minds|spandau ballet|culture club|
the pretenders|blondie|the b-52's|r.e.m.|the pixies|pixies|sonic youth|dinosaur jr|
the smashing pumpkins|smashing pumpkins|soundgarden|alice in chains|stone temple pilots|weezer|
the offspring|sum 41|good charlotte|yellowcard|thirty seconds to mars|30 seconds to mars|
cage the elephant|foster the people|the black keys|the white stripes|the raconteurs|
queens of the stone age|eagles of death metal|gojira|lamb of god|trivium|killswitch engage|
five finger death punch|shinedown|papa roach|hollywood undead|
jonas brothers|prettymuch|cnco|wanna one|ateez|itzy|aespa|le sserafim|
newjeans|(g)i-dle|loona|dreamcatcher|apink|t-ara|2ne1|wonder girls|f(x)|sistar`);

/**
 * Firms business and operations text names as parties: audit and consulting firms, analysts, credit bureaus,
 * data-centre and telecom operators, security auditors (general knowledge).
 */
export const BUSINESS_ORGANIZATIONS: readonly string[] = split(`gartner|forrester|deloitte|kpmg|pwc|
pricewaterhousecoopers|ernst & young|accenture|mckinsey|mckinsey & company|bain & company|
boston consulting group|capgemini|infosys|wipro|tata consultancy services|cognizant|kroll|marsh mclennan|
equinix|telia|telstra|optus|telenor|swisscom|trustwave|klarna|intuit|experian|equifax|
transunion|lexisnexis|thomson reuters|dun & bradstreet|iron mountain`);

/** Last words of a postal or parcel service's name ("NZ Post", "Royal Mail", "Parcel Express"). */
export const POSTAL_WORDS: readonly string[] = split('post|mail|express|parcel|parcels|paket|courier');

/**
 * Unit heads that never end a company's own name ("Customer Care", "Finance Team"). ("Brightline Claims
 * Services", "Tirol IT Services" are whole names: "Services", "Management" and "Relations" are not here.)
 */
export const UNITS_AFTER_COMPANY: readonly string[] = split(
  'team|dept|department|care|desk|success|payable|receivable',
);

/** First words of a team's name inside a company ("Team Payments", "Abteilung Einkauf"). */
export const TEAM_OPENERS: readonly string[] = split('team|abteilung');

/** Last words of a company's internal units: "Accounts Payable", "Customer Success", "Platform Team". */
export const UNIT_HEAD_WORDS: readonly string[] = split(
  `union|dept|department|team|service|services|desk|operations|ops|mgmt|management|success|payable|receivable|support|office|unit|division|care|relations`,
);

/**
 * Business functions that name a unit inside a company, not a company ("Verification Dept", "Technical
 * Service"). Government topics ("Commerce Department", "State Department") are not here: those are bodies.
 */
export const BUSINESS_FUNCTION_WORDS: readonly string[] = split(
  `accounts|accounting|finance|financial|sales|marketing|legal|procurement|purchasing|engineering|verification|compliance|support|customer|customers|technical|tech|it|payroll|billing|operations|ops|quality|claims|underwriting|collections|product|design|people|talent|recruitment|recruiting|facilities|risk|audit|tax|platform|infrastructure|data|growth|partner|partnerships|service|services|delivery|fulfilment|fulfillment|dispatch|returns|commercial|contracts|admissions|enrollment|enrolment|managed|professional|shared|field|client|member|guest|patient|student|corporate|web|mobile|backend|frontend|helpdesk|onboarding|research|analytics|investor|media|press|communications|brand|events|training|learning|hr|qa|devops|sre|product|programme|program|project|projects|change|release|network|networks|site|reliability|success|account|accounts|payable|receivable|management|mgmt|credit|order|orders|export|import|exports|imports|logistics|warehouse|internal|global|regional|emea|apac|americas|digital|business|enterprise|strategic|key|retail|wholesale|channel|inside|outside`,
);
