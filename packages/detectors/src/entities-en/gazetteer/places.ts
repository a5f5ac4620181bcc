// Place names written from general knowledge, lower-case, '|'-separated (entries may contain spaces).
// Used to keep places from being reported as people; in sports context a place name usually stands for
// a team, which is an organization. Complements the compromise lexicon's cities, countries and regions.

const COUNTRIES_AND_REGIONS = `afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|
bahrain|bangladesh|belarus|belgium|bolivia|bosnia|botswana|brazil|britain|great britain|bulgaria|burundi|cambodia|
cameroon|canada|chad|chile|china|colombia|congo|croatia|cuba|cyprus|czech republic|czechia|denmark|ecuador|egypt|
england|eritrea|estonia|ethiopia|europe|asia|africa|america|americas|oceania|antarctica|fiji|finland|france|gabon|
gambia|georgia|germany|ghana|greece|guatemala|guinea|haiti|holland|honduras|hungary|iceland|india|indonesia|iran|
iraq|ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|korea|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|
liberia|libya|liechtenstein|lithuania|luxembourg|macedonia|madagascar|malawi|malaysia|mali|malta|mexico|moldova|
monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nepal|netherlands|new zealand|nicaragua|niger|
nigeria|norway|oman|pakistan|palestine|panama|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|
saudi arabia|scotland|senegal|serbia|sierra leone|singapore|slovakia|slovenia|somalia|south africa|spain|sri lanka|
sudan|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|tibet|togo|tunisia|turkey|turkmenistan|uganda|
ukraine|united kingdom|uk|u.k.|united states|usa|u.s.|u.s.a.|us|uruguay|uzbekistan|venezuela|vietnam|wales|yemen|
yugoslavia|zaire|zambia|zimbabwe|chechnya|kurdistan|kashmir|gaza|west bank|balkans|middle east|latin america|
scandinavia|siberia|caribbean|baltic|ulster|northern ireland|hong kong|macau|puerto rico|greenland|bavaria|
catalonia|andalusia|tuscany|sicily|sardinia|corsica|flanders|wallonia|quebec|ontario|alberta|british columbia|
manitoba|saskatchewan|nova scotia|queensland|victoria|tasmania|new south wales|punjab|bengal|kerala|
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|illinois|indiana|
iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|
nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|
pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|
west virginia|wisconsin|wyoming`;

const ENGLISH_COUNTIES = `bedfordshire|berkshire|buckinghamshire|cambridgeshire|cheshire|cornwall|cumbria|derbyshire|
devon|dorset|durham|essex|glamorgan|gloucestershire|hampshire|herefordshire|hertfordshire|kent|lancashire|
leicestershire|lincolnshire|middlesex|norfolk|northamptonshire|northumberland|nottinghamshire|oxfordshire|
shropshire|somerset|staffordshire|suffolk|surrey|sussex|warwickshire|wiltshire|worcestershire|yorkshire`;

const CITIES = `aberdeen|abu dhabi|accra|addis ababa|adelaide|algiers|amman|amsterdam|ankara|antwerp|athens|atlanta|
auckland|baghdad|baku|baltimore|bangkok|barcelona|basel|beijing|beirut|belfast|belgrade|berlin|bern|bilbao|
birmingham|bogota|bologna|bombay|mumbai|bonn|bordeaux|boston|bradford|bratislava|bremen|brighton|brisbane|bristol|
brussels|bucharest|budapest|buenos aires|cairo|calcutta|kolkata|calgary|cambridge|canberra|cape town|caracas|
cardiff|casablanca|charlotte|chicago|cincinnati|cleveland|cologne|copenhagen|coventry|dakar|dallas|damascus|delhi|
new delhi|denver|detroit|dhaka|doha|dortmund|dresden|dubai|dublin|dundee|durban|dusseldorf|düsseldorf|edinburgh|
eindhoven|florence|frankfurt|geneva|genoa|glasgow|gothenburg|graz|guangzhou|hamburg|hanoi|hanover|harare|havana|
helsinki|ho chi minh city|houston|hull|indianapolis|islamabad|istanbul|jakarta|jerusalem|johannesburg|kabul|
karachi|kathmandu|khartoum|kiev|kyiv|kinshasa|krakow|kuala lumpur|lagos|lahore|las vegas|leeds|leicester|leipzig|
lille|lima|lisbon|liverpool|ljubljana|london|los angeles|luxembourg|lyon|madrid|malaga|manchester|manila|
marseille|melbourne|mexico city|miami|milan|milwaukee|minneapolis|minsk|monaco|montreal|moscow|munich|nairobi|
nantes|naples|nashville|new orleans|newcastle|nice|nottingham|oakland|oslo|ottawa|oxford|palermo|paris|perth|
philadelphia|phoenix|pittsburgh|plymouth|portland|porto|prague|pretoria|pyongyang|quito|rabat|reykjavik|riga|
rio de janeiro|riyadh|rome|rotterdam|saint petersburg|st petersburg|salzburg|san antonio|san diego|san francisco|
santiago|sao paulo|são paulo|sarajevo|seattle|seoul|seville|shanghai|sheffield|shenzhen|singapore|skopje|sofia|
southampton|st louis|stockholm|strasbourg|stuttgart|sunderland|sydney|taipei|tallinn|tashkent|tbilisi|tehran|
tel aviv|the hague|tirana|tokyo|toronto|toulouse|tripoli|tunis|turin|utrecht|valencia|vancouver|venice|vienna|
vilnius|warsaw|washington|wellington|winnipeg|wolverhampton|yerevan|zagreb|zurich|zürich|grozny|sarajevo|
mostar|tuzla|pristina|kinshasa|kigali|lusaka|maputo|luanda|mogadishu|colombo|kandy|chennai|madras|bangalore|
hyderabad|ahmedabad|pune|osaka|kyoto|yokohama|nagoya|busan|hong kong|macau|wuhan|chengdu|tianjin|nanjing|xian`;

/** Every place above, lower-cased. */
export const EXTRA_PLACES: readonly string[] = `${COUNTRIES_AND_REGIONS}|${ENGLISH_COUNTIES}|${CITIES}`
  .split('|')
  .map((s) => s.trim())
  .filter(Boolean);

/** Nationality and regional adjectives (capitalized in English, never names by themselves). */
export const EXTRA_DEMONYMS: readonly string[] =
  `afghan african albanian algerian american arab arabian argentine
argentinian armenian asian australian austrian azeri bangladeshi belgian bolivian bosnian brazilian british
bulgarian burmese cambodian cameroonian canadian catalan chechen chilean chinese colombian congolese croatian
cuban cypriot czech danish dutch ecuadorian egyptian english eritrean estonian ethiopian european filipino finnish
flemish french georgian german ghanaian greek haitian hungarian icelandic indian indonesian iranian iraqi irish
israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kurdish kuwaiti latvian lebanese liberian
libyan lithuanian macedonian malaysian maltese mexican moldovan mongolian moroccan nepalese nigerian norwegian
pakistani palestinian peruvian polish portuguese romanian russian rwandan saudi scottish senegalese serb serbian
slovak slovenian somali spanish sri lankan sudanese swedish swiss syrian taiwanese tajik tanzanian thai tibetan
tunisian turkish ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni yugoslav zambian zimbabwean
western eastern northern southern islamic muslim christian catholic protestant jewish hindu buddhist sikh
latin nordic baltic balkan soviet communist olympic`
    .split(/\s+/)
    .filter(Boolean);
